package io.sightline.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Audio made for tests with Debian's ffmpeg: tones of {@code toneSeconds} with a second
 * of silence after each, as many as fill {@code seconds}, in the container the file
 * name's extension says (m4a, mp3, mp4 with a black picture, …).
 */
public final class TestAudio {

	private TestAudio() {
	}

	/**
	 * Skips the calling tests where ffmpeg is not installed, outside CI; in CI (where
	 * {@code .ci/run} installs it) its absence fails them.
	 */
	public static void requireFfmpeg() {
		boolean installed;
		try {
			Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true)
				.start();
			process.getInputStream().readAllBytes();
			installed = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			installed = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			installed = false;
		}
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("ffmpeg is not installed; .ci/run installs it (apt-get install ffmpeg)");
		}
		Assumptions.assumeTrue(installed, "ffmpeg is not installed (apt-get install ffmpeg); recording tests skipped");
	}

	public static Path make(Path file, int seconds, int toneSeconds) throws IOException, InterruptedException {
		String filter = "sine=frequency=440:sample_rate=16000:duration=" + seconds + ",volume='if(lt(mod(t,"
				+ (toneSeconds + 1) + ")," + toneSeconds + "),1,0)':eval=frame";
		List<String> command = new ArrayList<>(
				List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", filter));
		if (file.toString().endsWith(".mp4")) {
			command.addAll(List.of("-f", "lavfi", "-i", "color=c=black:s=64x64:r=5:d=" + seconds, "-shortest", "-c:v",
					"libx264", "-pix_fmt", "yuv420p"));
		}
		// a low bit rate keeps hours of audio small
		command.addAll(List.of("-b:a", "24k", file.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("ffmpeg could not make " + file + ": " + output);
		}
		return file;
	}

}
