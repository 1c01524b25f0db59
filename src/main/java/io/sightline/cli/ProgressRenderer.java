package io.sightline.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * Draws progress for a terminal (a bar redrawn in place on one line) or for a log (one
 * plain line per stage). Pure functions of the state, so both are tested without a
 * terminal.
 */
final class ProgressRenderer {

	static final int BAR_WIDTH = 24;

	private ProgressRenderer() {
	}

	/**
	 * {@code [#########---------------]  37%  Summarizing...  0:12}, fitted to
	 * {@code columns}.
	 */
	static String bar(TaskState state, Duration elapsed, int columns) {
		int filled = Math.round(BAR_WIDTH * Math.max(0, Math.min(100, state.progress())) / 100f);
		String line = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
				+ String.format(Locale.ROOT, "%3d%%", state.progress()) + "  " + clock(elapsed) + "  " + state.stage();
		return (line.length() > columns - 1) ? line.substring(0, Math.max(0, columns - 2)) + "…" : line;
	}

	/** {@code [ 37%] Summarizing... (12.3 s)}. */
	static String line(TaskState state, Duration elapsed) {
		return String.format(Locale.ROOT, "[%3d%%] %s (%.1f s)", state.progress(), state.stage(),
				elapsed.toMillis() / 1000.0);
	}

	static String clock(Duration elapsed) {
		long seconds = Math.max(0, elapsed.toSeconds());
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

}
