package io.sightline.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request wants its transcript from ({@code transcript} in the API): {@code auto}
 * the captions, else speech-to-text of the audio where the server can; {@code captions}
 * the captions only, never transcribing; {@code asr} speech-to-text of the audio even
 * where there are captions (auto-generated captions are often worse than a good engine).
 */
public enum TranscriptChoice {

	AUTO, CAPTIONS, ASR;

	/** The value as the API spells it. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The choice a value names (case and blanks ignored); none or blank is auto. */
	public static Optional<TranscriptChoice> of(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(AUTO);
		}
		String wanted = value.strip();
		return Arrays.stream(values()).filter((choice) -> choice.value().equalsIgnoreCase(wanted)).findFirst();
	}

}
