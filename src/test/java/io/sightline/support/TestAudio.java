package io.sightline.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sightline.source.ExternalCommand;
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
		requireCommand("ffmpeg", List.of("ffmpeg", "-hide_banner", "-version"), "recording tests");
	}

	/** As {@link #requireFfmpeg()}, for Debian's yt-dlp. */
	public static void requireYtDlp() {
		requireCommand("yt-dlp", List.of("yt-dlp", "--version"), "yt-dlp tests");
	}

	private static void requireCommand(String debianPackage, List<String> versionCommand, String tests) {
		boolean installed = ExternalCommand.runs(versionCommand, 30);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException(
					debianPackage + " is not installed; .ci/run installs it (apt-get install " + debianPackage + ")");
		}
		Assumptions.assumeTrue(installed,
				debianPackage + " is not installed (apt-get install " + debianPackage + "); " + tests + " skipped");
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
