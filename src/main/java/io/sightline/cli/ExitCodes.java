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
			+ " 3 failed for good (failure.kind permanent), 4 gave up after retries or was interrupted (may work later),"
			+ " 5 cancelled.";

	private ExitCodes() {
	}

	/**
	 * The code for a task that ended so: from its status and its failure's kind, never
	 * from the wording of its sentences.
	 */
	static int forEnd(TaskState end) {
		return switch (end.status()) {
			case "completed" -> DONE;
			case "cancelled" -> CANCELLED;
			case "error" -> forFailure(end.failureKind());
			default -> OTHER;
		};
	}

	private static int forFailure(String kind) {
		if (kind == null) {
			return SOURCE_FAILED;
		}
		return switch (kind) {
			case "gave_up", "interrupted" -> GAVE_UP;
			case "cancelled" -> CANCELLED;
			default -> SOURCE_FAILED;
		};
	}

}
