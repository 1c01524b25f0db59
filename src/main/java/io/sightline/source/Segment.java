package io.sightline.source;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A piece of transcript text; {@code startSeconds} and {@code durationSeconds} are null
 * where the source has no timing.
 */
public record Segment(Double startSeconds, Double durationSeconds, String text) {

	@JsonIgnore
	public boolean isTimed() {
		return this.startSeconds != null;
	}

}
