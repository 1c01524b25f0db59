package io.sightline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a summary goes: stdout, or a file with {@code --output}. */
final class Output {

	private Output() {
	}

	static void write(String text, Path file, PrintStream out) {
		String ended = text.endsWith("\n") ? text : text + "\n";
		if (file == null) {
			out.print(ended);
			out.flush();
			return;
		}
		try {
			Files.writeString(file, ended, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.OTHER,
					"Could not write " + file + " (" + ex.getMessage() + "); check the" + " path and permissions.");
		}
	}

}
