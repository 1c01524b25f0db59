package io.sightline.summarize;

import java.util.Locale;
import java.util.Optional;

/**
 * How long a summary should be: how many key points, and how many sentences in the TL;DR.
 */
public enum SummaryLength {

	SHORT(5, 2), MEDIUM(8, 3), LONG(12, 4);

	private final int keyPoints;

	private final int tldrSentences;

	SummaryLength(int keyPoints, int tldrSentences) {
		this.keyPoints = keyPoints;
		this.tldrSentences = tldrSentences;
	}

	public int keyPoints() {
		return this.keyPoints;
	}

	public int tldrSentences() {
		return this.tldrSentences;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<SummaryLength> of(String value) {
		for (SummaryLength length : values()) {
			if (length.value().equalsIgnoreCase(value)) {
				return Optional.of(length);
			}
		}
		return Optional.empty();
	}

}
