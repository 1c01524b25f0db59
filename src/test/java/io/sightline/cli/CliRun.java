package io.sightline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.sightline.SightlineApplication;

/** One command run in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

	static CliRun of(String... args) {
		return withEnvironment(Map.of(), args);
	}

	/** The command run with only these environment variables. */
	static CliRun withEnvironment(Map<String, String> environment, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Cli.run(SightlineApplication.class, args,
				new Streams(new PrintStream(out, true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8), false, environment));
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
