package io.sightline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.sightline.source.Uploads;

/**
 * What a command is asked to summarize: an http(s) address, or a file checked before
 * anything starts.
 */
record Input(String url, Path file) {

	static Input of(String argument) {
		String lower = argument.toLowerCase(Locale.ROOT);
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			return new Input(argument, null);
		}
		Path file = Path.of(argument);
		if (!Files.isRegularFile(file)) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"There is no file " + argument + "; check the path, or give an http(s) address.");
		}
		String name = file.getFileName().toString();
		if (!Uploads.accepts(name) && !Uploads.isRecording(name)) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"Files like " + file.getFileName() + " cannot be summarized;" + " give a " + Uploads.ACCEPTED
							+ " file, a recording (" + Uploads.ACCEPTED_RECORDINGS + ") or an http(s) address.");
		}
		return new Input(null, file);
	}

	boolean isFile() {
		return this.file != null;
	}

	String fileName() {
		return this.file.getFileName().toString();
	}

	/**
	 * Whether the file is a recording, to transcribe (sent from disk, not read whole).
	 */
	boolean isRecording() {
		return isFile() && Uploads.isRecording(fileName());
	}

	/** The first bytes of the file, which tell a recording's kind. */
	byte[] head() {
		try (InputStream in = Files.newInputStream(this.file)) {
			return in.readNBytes(Uploads.RECORDING_HEAD_BYTES);
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "Could not read " + this.file + " (" + ex.getMessage() + ").");
		}
	}

	byte[] bytes() {
		try {
			return Files.readAllBytes(this.file);
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "Could not read " + this.file + " (" + ex.getMessage() + ").");
		}
	}

	String label() {
		return isFile() ? this.file.toString() : this.url;
	}

}
