package io.sightline.model;

import java.util.List;

/**
 * What a transcription endpoint heard in one audio file: its segments, with times from
 * the file's start where the engine gives them ({@code verbose_json}), else one untimed
 * segment of the whole text.
 *
 * @param segments what was said, in order
 * @param language the language the engine heard, where it says
 */
public record SpeechText(List<Piece> segments, String language) {

	public SpeechText {
		segments = List.copyOf(segments);
	}

	/** A stretch of speech; {@code start} and {@code end} in seconds, or null. */
	public record Piece(Double start, Double end, String text) {
	}

	/** Whether the engine gave times. */
	public boolean isTimed() {
		return !this.segments.isEmpty() && this.segments.get(0).start() != null;
	}

}
