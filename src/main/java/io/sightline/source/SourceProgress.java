package io.sightline.source;

/**
 * How far reading a source has come, for sources whose reading takes long (downloading
 * and transcribing a recording). A report may throw to stop the work, as a cancel does;
 * work in progress (processes, calls) is stopped and its files removed then.
 */
public interface SourceProgress {

	/** Reports nothing. */
	SourceProgress NONE = (fraction, text) -> {
	};

	/**
	 * The stage is {@code fraction} (0..1) done; {@code text} says what happens, or null
	 * to keep what was said.
	 */
	void advanced(double fraction, String text);

	/**
	 * A step the user should see, such as the start of a part: written at once, never
	 * merged with the reports around it. Call it from the thread that read the source.
	 */
	default void milestone(double fraction, String text) {
		advanced(fraction, text);
	}

	/**
	 * This progress for a step that takes the share from {@code from} to {@code to} of
	 * it: reports and milestones alike.
	 */
	default SourceProgress within(double from, double to) {
		SourceProgress whole = this;
		return new SourceProgress() {

			@Override
			public void advanced(double fraction, String text) {
				whole.advanced(from + (to - from) * fraction, text);
			}

			@Override
			public void milestone(double fraction, String text) {
				whole.milestone(from + (to - from) * fraction, text);
			}

		};
	}

}
