package io.sightline.summarize;

import java.util.Objects;

import io.sightline.source.Transcript;

/**
 * What to summarize and how: the transcript, its title, the wanted length and language
 * (null: detect).
 */
public record SummaryRequest(String title, Transcript transcript, SummaryLength length, String language) {

	public SummaryRequest {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(transcript, "transcript");
		Objects.requireNonNull(length, "length");
	}

}
