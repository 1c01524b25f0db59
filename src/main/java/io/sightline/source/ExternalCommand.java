package io.sightline.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An external program (ffmpeg, yt-dlp) run to its end. Its output lines go to a consumer
 * as they come and its error stream is kept as its report; between lines a tick runs
 * twice a second, so a caller that stops the run (a cancel) is heard even while the
 * program prints nothing. Either may throw to stop it: the program and whatever it
 * started are killed, and nothing of it outlives the call.
 */
public final class ExternalCommand {

	private static final long TICK_MILLIS = 500;

	/** Put on the queue after the last output line. */
	private static final String END = new String("end of output");

	/**
	 * How a run ended: the program's exit value and what it wrote to its error stream.
	 */
	public record Outcome(int exitValue, String report) {

		public boolean succeeded() {
			return this.exitValue == 0;
		}

		/** The report's last line, at most 200 characters: what the program last said. */
		public String lastLine() {
			String[] lines = this.report.strip().split("\n");
			String last = lines[lines.length - 1].strip();
			return (last.length() > 200) ? last.substring(0, 200) + "…" : last;
		}

	}

	private ExternalCommand() {
	}

	/**
	 * Whether the program runs at all: {@code command} (such as {@code ffmpeg -version})
	 * starts and exits 0 within {@code seconds}.
	 */
	public static boolean runs(List<String> command, int seconds) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(seconds, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Runs {@code command} (the program, then its arguments).
	 * @throws IOException when the program cannot be started (not installed, not
	 * executable)
	 */
	public static Outcome run(List<String> command, Consumer<String> lines, Runnable tick) throws IOException {
		Path report = Files.createTempFile("sightline-process-", ".log");
		Process process = null;
		try {
			process = new ProcessBuilder(command).redirectError(report.toFile()).start();
			process.getOutputStream().close();
			BlockingQueue<String> output = new LinkedBlockingQueue<>();
			Thread reader = readLines(process, output);
			for (String line = output.poll(TICK_MILLIS, TimeUnit.MILLISECONDS); line != END; line = output
				.poll(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
				if (line != null) {
					lines.accept(line);
				}
				else {
					tick.run();
				}
			}
			while (!process.waitFor(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
				tick.run();
			}
			reader.join(TICK_MILLIS);
			return new Outcome(process.exitValue(), Files.readString(report, StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while " + command.get(0) + " ran", ex);
		}
		catch (IOException ex) {
			if (process == null) {
				throw ex;
			}
			throw new UncheckedIOException(ex);
		}
		finally {
			if (process != null && process.isAlive()) {
				stop(process);
			}
			MediaFiles.deleteQuietly(report);
		}
	}

	/**
	 * Reads the program's output into {@code output} on a thread of its own, then puts
	 * {@link #END}; the thread ends when the output closes (at the latest when the
	 * program is killed).
	 */
	private static Thread readLines(Process process, BlockingQueue<String> output) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					output.add(line);
				}
			}
			catch (IOException ex) {
				// the program was killed, or closed its output: the run's end says which
			}
			finally {
				output.add(END);
			}
		}, "sightline-process-output");
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	/**
	 * Kills a run and what it started, and waits (briefly) until it is gone, so no file
	 * of it is still open.
	 */
	private static void stop(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
