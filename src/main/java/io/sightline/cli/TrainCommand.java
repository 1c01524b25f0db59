package io.sightline.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code train}: the training run the build makes the JVM's start-up archive from (a CDS
 * archive, or an AOT cache on JDK 25+). It does what people do first — help, a local
 * summary, then a server that takes an upload, streams its progress and serves the
 * library — so the classes and methods of both paths are in the archive. Hidden: it is
 * the build's, not a user's.
 */
@Command(name = "train", hidden = true, description = "Run a representative workload for the JVM's start-up archive.")
class TrainCommand implements Callable<Integer> {

	@Parameters(paramLabel = "<subtitles>", description = "a subtitle or transcript file to summarize")
	String example;

	@Option(names = "--data-dir", required = true, description = "an empty directory for the server's database")
	Path dataDir;

	private final Streams streams;

	TrainCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		Streams quiet = new Streams(new PrintStream(OutputStream.nullOutputStream()),
				new PrintStream(OutputStream.nullOutputStream()), false);
		Cli.run(new String[] { "--help" }, quiet);
		expect("summarize",
				Cli.run(new String[] { "summarize", this.example, "--no-save", "--format", "json" }, quiet));
		// the server as the launcher starts it: on the bean definitions prepared at build
		// time
		System.setProperty("spring.aot.enabled", "true");
		ConfigurableApplicationContext server = new SpringApplicationBuilder(Cli.application()).logStartupInfo(false)
			.run("--server.port=0", "--sightline.data-dir=" + this.dataDir, "--logging.threshold.console=WARN");
		try {
			String url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
			expect("submit", Cli.run(new String[] { "submit", this.example, "--server", url, "--wait" }, quiet));
			ServerClient client = new ServerClient(url, null, Duration.ofSeconds(1));
			client.getText("/actuator/health/readiness");
			client.getText("/");
			client.get("/api/library");
		}
		finally {
			server.close();
		}
		this.streams.err().println("Training run done.");
		return ExitCodes.DONE;
	}

	private static void expect(String step, int exitCode) {
		if (exitCode != ExitCodes.DONE) {
			throw new CliFailure(ExitCodes.OTHER,
					"The training run's " + step + " ended with exit code " + exitCode + ".");
		}
	}

}
