package io.sightline.cli;

import java.io.PrintStream;

/**
 * Where commands write: the summary to {@code out}, progress and errors to {@code err}.
 */
record Streams(PrintStream out, PrintStream err, boolean terminal) {

	static Streams system() {
		return new Streams(System.out, System.err, ProgressPrinter.stderrIsTerminal());
	}

}
