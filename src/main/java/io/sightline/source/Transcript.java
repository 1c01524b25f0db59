package io.sightline.source;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A source's text in order. {@code skippedCues} counts malformed cues that were left out,
 * so a summary can say the transcript was incomplete instead of hiding it.
 */
public record Transcript(List<Segment> segments, String language, int skippedCues) {

	public Transcript {
		segments = List.copyOf(segments);
	}

	@JsonIgnore
	public int characters() {
		return this.segments.stream().mapToInt((segment) -> segment.text().length()).sum();
	}

	@JsonIgnore
	public boolean isTimed() {
		return !this.segments.isEmpty() && this.segments.get(0).isTimed();
	}

	/** Where the last timed segment ends, in whole seconds, or null without timing. */
	@JsonIgnore
	public Integer durationSeconds() {
		return this.segments.stream()
			.filter(Segment::isTimed)
			.map((segment) -> segment.startSeconds()
					+ ((segment.durationSeconds() != null) ? segment.durationSeconds() : 0))
			.max(Double::compare)
			.map((end) -> (int) Math.round(end))
			.orElse(null);
	}

}
