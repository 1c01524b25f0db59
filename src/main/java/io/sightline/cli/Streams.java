package io.sightline.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where commands write: the summary to {@code out}, progress and errors to {@code err};
 * and the environment they read ({@code SIGHTLINE_SERVER}, {@code SIGHTLINE_TOKEN}).
 */
record Streams(PrintStream out, PrintStream err, boolean terminal, Map<String, String> environment) {

	Streams(PrintStream out, PrintStream err, boolean terminal) {
		this(out, err, terminal, System.getenv());
	}

	static Streams system() {
		return new Streams(System.out, System.err, ProgressPrinter.stderrIsTerminal());
	}

}
