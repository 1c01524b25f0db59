package io.sightline.cli;

/** Ends a command with a sentence on stderr and an exit code; never a stack trace. */
class CliFailure extends RuntimeException {

	private final int exitCode;

	CliFailure(int exitCode, String sentence) {
		super(sentence);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
