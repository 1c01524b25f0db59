package io.sightline.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the summarization job ({@code sightline.pipeline.*}).
 *
 * @param initialBackoff the wait before the second attempt (default 2s)
 * @param maxBackoff the longest wait computed by backoff; a longer {@code Retry-After}
 * from a remote side is still honoured (default 5m)
 * @param backoffMultiplier how much each further wait grows (default 2.0)
 * @param jitter the random spread of each wait, as a fraction of it (default 0.2, i.e.
 * ±20 %)
 * @param maxCrashes after this many runs of one task were cut off (the process died, ran
 * out of memory or was stopped), the task ends as interrupted instead of taking its
 * server down again (default 2)
 * @param stageBudget the longest each stage of one run may take before it is stopped
 * @param collectionParallel how many videos of one playlist or channel are summarized at
 * once, on the whole cluster (default 2); the next start as others end
 */
@ConfigurationProperties("sightline.pipeline")
record PipelineProperties(@DefaultValue("2s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("2.0") double backoffMultiplier, @DefaultValue("0.2") double jitter,
		@DefaultValue("2") int maxCrashes, @DefaultValue StageBudget stageBudget,
		@DefaultValue("2") int collectionParallel) {

	/**
	 * How long a stage of one run may take ({@code sightline.pipeline.stage-budget.*}),
	 * checked at each step the stage reports. Reading a source's details has none of its
	 * own: each of its requests has time limits ({@code sightline.fetch.*},
	 * {@code sightline.youtube.*}).
	 *
	 * @param transcript reading the transcript, which for a recording or a video without
	 * captions means downloading and transcribing its audio (default 6 h: the longest
	 * audio transcribed, 12 h, in parts two at a time on a slow engine)
	 * @param summarize summarizing (default 2 h: an LLM summary of the longest transcript
	 * at the most calls allowed, on a slow local model)
	 */
	record StageBudget(@DefaultValue("6h") Duration transcript, @DefaultValue("2h") Duration summarize) {

		/** The budget of a stage, or null for a stage without one. */
		Duration of(Stage stage) {
			return switch (stage) {
				case TRANSCRIPT -> this.transcript;
				case SUMMARIZE -> this.summarize;
				default -> null;
			};
		}

	}

	public PipelineProperties {
		if (backoffMultiplier < 1) {
			throw new IllegalArgumentException(
					"sightline.pipeline.backoff-multiplier must be at least 1: " + backoffMultiplier);
		}
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("sightline.pipeline.jitter must be within [0, 1): " + jitter);
		}
		if (collectionParallel < 1) {
			throw new IllegalArgumentException(
					"sightline.pipeline.collection-parallel must be at least 1: " + collectionParallel);
		}
	}

}
