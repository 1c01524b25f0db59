package io.sightline.cli;

/** The command line's exit codes, as {@code --help} and the README list them. */
final class ExitCodes {

	static final int DONE = 0;

	static final int OTHER = 1;

	static final int BAD_INPUT = 2;

	static final int SOURCE_FAILED = 3;

	static final int GAVE_UP = 4;

	static final int CANCELLED = 5;

	static final String HELP = "%nExit codes: 0 done, 1 anything else (such as an unreachable server), 2 bad usage or input,"
			+ " 3 the source failed for good, 4 gave up after retries, 5 cancelled.";

	private ExitCodes() {
	}

	/** The code for a task that ended with this status and error sentence. */
	static int forEnd(String status, String error) {
		return switch (status) {
			case "completed" -> DONE;
			case "cancelled" -> CANCELLED;
			case "error" -> (error != null && error.startsWith("Gave up after")) ? GAVE_UP : SOURCE_FAILED;
			default -> OTHER;
		};
	}

}
