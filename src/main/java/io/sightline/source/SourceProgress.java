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

}
