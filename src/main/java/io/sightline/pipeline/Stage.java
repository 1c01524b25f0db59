package io.sightline.pipeline;

import java.util.Locale;

import io.sightline.task.Phase;

/** The stages of a summarization and the part of the progress bar each one owns. */
enum Stage {

	QUEUED(Phase.QUEUED, 0, 5, "Queued, waiting for a worker...", "Waiting for a worker"),

	METADATA(Phase.FETCHING, 5, 20, "Reading source information...", "Reading the source's details"),

	TRANSCRIPT(Phase.FETCHING, 20, 40, "Reading the transcript...", "Reading the transcript"),

	SUMMARIZE(Phase.SUMMARIZING, 40, 90, "Summarizing...", "Summarizing"),

	STORE(Phase.STORING, 90, 100, "Saving the summary...", "Saving the summary");

	private final Phase phase;

	private final int from;

	private final int to;

	private final String text;

	private final String doing;

	Stage(Phase phase, int from, int to, String text, String doing) {
		this.phase = phase;
		this.from = from;
		this.to = to;
		this.text = text;
		this.doing = doing;
	}

	/** What the stage does, to start a sentence: "Summarizing". */
	String doing() {
		return this.doing;
	}

	/** What the task's {@code phase} says while this stage runs. */
	Phase phase() {
		return this.phase;
	}

	int from() {
		return this.from;
	}

	String text() {
		return this.text;
	}

	/** The overall percentage when this stage is {@code fraction} (0..1) done. */
	int at(double fraction) {
		double clamped = Math.max(0, Math.min(1, fraction));
		return (int) Math.floor(this.from + (this.to - this.from) * clamped);
	}

	String metricName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
