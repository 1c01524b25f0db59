package io.sightline.task;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a task is doing, as a program reads it ({@code stage} says the same to a person).
 * {@code transcribing} is speech-to-text; reading captions or a page is {@code fetching}.
 * Every ended task is {@code done}, whatever its status.
 */
public enum Phase {

	QUEUED, FETCHING, TRANSCRIBING, SUMMARIZING, STORING, RETRYING, DONE;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Phase of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
