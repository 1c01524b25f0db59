package io.sightline.source;

import java.util.Locale;

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
	 * A download of audio as the first {@code share} of the stage, said as
	 * {@link #downloadText}.
	 */
	default void downloaded(double share, long bytes, long total) {
		advanced((total > 0) ? share * bytes / total : 0, downloadText(bytes, total));
	}

	/**
	 * "Downloading audio 34 % (12 of 35 MB)", or "(3.0 MB)" when the total is unknown:
	 * megabytes with a decimal below ten, whole above.
	 */
	static String downloadText(long bytes, long total) {
		if (total <= 0) {
			return String.format(Locale.ROOT, "Downloading audio (%s MB)", megabytes(bytes, bytes));
		}
		return String.format(Locale.ROOT, "Downloading audio %d %% (%s of %s MB)", 100 * bytes / total,
				megabytes(bytes, total), megabytes(total, total));
	}

	private static String megabytes(long bytes, long scale) {
		double megabyte = 1024 * 1024;
		return String.format(Locale.ROOT, (scale < 10 * megabyte) ? "%.1f" : "%.0f", bytes / megabyte);
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
