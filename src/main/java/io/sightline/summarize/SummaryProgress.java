package io.sightline.summarize;

/**
 * Receives how far a summarizer is, as a fraction from 0 to 1, with a short text for the
 * user.
 */
@FunctionalInterface
public interface SummaryProgress {

	SummaryProgress NONE = (fraction, text) -> {
	};

	void advanced(double fraction, String text);

	/**
	 * A step the user should see, such as the start of a part: shown at once, never
	 * merged with the reports around it. Call it from the thread that called the
	 * summarizer.
	 */
	default void milestone(double fraction, String text) {
		advanced(fraction, text);
	}

}
