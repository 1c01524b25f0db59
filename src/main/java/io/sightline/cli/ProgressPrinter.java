package io.sightline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Shows a followed task on stderr: the bar redrawn in place when stderr is a terminal,
 * otherwise one line each time the stage text changes (and the last state), so logs and
 * pipes stay readable.
 */
final class ProgressPrinter {

	private final PrintStream err;

	private final boolean terminal;

	private final int columns;

	private final Instant started = Instant.now();

	private String lastStage;

	private boolean drawn;

	/** The bar as last drawn, to draw again under a note. */
	private String lastBar = "";

	ProgressPrinter(PrintStream err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
		this.columns = columns();
	}

	/**
	 * Whether stderr is an interactive terminal; {@code SIGHTLINE_PROGRESS=plain|bar}
	 * decides when set.
	 */
	static boolean stderrIsTerminal() {
		String forced = System.getenv("SIGHTLINE_PROGRESS");
		if (forced != null) {
			return forced.equals("bar");
		}
		return System.getenv("CI") == null && (System.console() != null || isTerminal(Path.of("/proc/self/fd/2")));
	}

	/**
	 * Whether the file descriptor is a terminal, by where Linux says it leads: the
	 * console alone is not asked, since Java has none when standard output is redirected
	 * ({@code sightline summarize talk.srt > summary.md}), though the bar goes to
	 * standard error.
	 */
	static boolean isTerminal(Path descriptor) {
		try {
			String target = Files.readSymbolicLink(descriptor).toString();
			return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
		}
		catch (IOException | UnsupportedOperationException | SecurityException unknown) {
			// no /proc (not Linux), or not ours to read: lines, which read well anywhere
			return false;
		}
	}

	void show(TaskState state) {
		Duration elapsed = Duration.between(this.started, Instant.now());
		if (this.terminal) {
			this.lastBar = ProgressRenderer.bar(state, elapsed, this.columns);
			this.err.print("\r\u001b[2K" + this.lastBar);
			this.drawn = true;
			if (state.isFinished()) {
				finish();
			}
			this.err.flush();
			return;
		}
		if (!Objects.equals(state.stage(), this.lastStage) || state.isFinished()) {
			this.err.println(ProgressRenderer.line(state, elapsed));
			this.lastStage = state.stage();
		}
	}

	/**
	 * A line to keep (an item of a collection that started or ended): above the bar,
	 * which is drawn again under it, on a terminal; a line of its own otherwise.
	 */
	void note(String line) {
		if (this.terminal && this.drawn) {
			this.err.print("\r\u001b[2K" + line + System.lineSeparator() + this.lastBar);
			this.err.flush();
			return;
		}
		this.err.println(line);
	}

	/** Ends the bar's line so what follows starts on a fresh one. */
	void finish() {
		if (this.terminal && this.drawn) {
			this.err.println();
			this.drawn = false;
		}
	}

	private static int columns() {
		try {
			return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
		}
		catch (NumberFormatException ex) {
			return 100;
		}
	}

}
