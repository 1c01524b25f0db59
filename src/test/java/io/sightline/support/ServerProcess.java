package io.sightline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A Sightline server in a JVM of its own, which a test can kill with SIGKILL. */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static ServerProcess start(Map<String, String> settings, Path gateDir, Path log) {
		ServerProcess server = launch(settings, gateDir, log);
		server.awaitReady(log);
		return server;
	}

	/** Starts a server without waiting for it: it may end before it is ever ready. */
	public static ServerProcess launch(Map<String, String> settings, Path gateDir, Path log) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		// as the launcher and the image run the server: out of memory, the process exits
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-D" + TestSources.GATE_DIR_PROPERTY + "=" + gateDir);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ServerWithTestSources.class.getName());
		command.add("--server.port=" + port);
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new ServerProcess(process, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(Path log) {
		Api api = api();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the server exited with " + this.process.exitValue() + "; see " + log);
			}
			return api.get("/actuator/health/readiness").status() == 200;
		});
	}

	public Api api() {
		return new Api(this.port);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * SIGTERM, as an orchestrator stops a node: the server shuts down gracefully. Answers
	 * its exit code.
	 */
	public int terminate() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the server did not stop within 90 s of SIGTERM");
		}
		return this.process.exitValue();
	}

	/** Waits for the process to end by itself; answers its exit code. */
	public int awaitExit(Duration within) throws InterruptedException {
		if (!this.process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("the server did not exit within " + within);
		}
		return this.process.exitValue();
	}

	/** SIGKILL: the process gets no chance to finish or hand back its work. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
