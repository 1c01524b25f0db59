package io.sightline.source.youtube;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.ExternalCommand;
import io.sightline.source.SourceFailure;

/**
 * A video's audio downloaded by a {@code yt-dlp} binary
 * ({@code sightline.youtube.yt-dlp}), for networks where YouTube serves streams only to
 * yt-dlp's ways of asking. The same choice as Sightline's own download (the original
 * track, the smallest audio that keeps speech clear), the same byte cap, the proxy and a
 * cookies file passed on; the user's own yt-dlp configuration still applies. Its progress
 * lines are read as bytes; a progress callback that throws (a cancel) kills it.
 */
final class YtDlp {

	/**
	 * A progress line of our own template: bytes so far, total and estimated total
	 * ({@code NA} where unknown).
	 */
	private static final Pattern PROGRESS = Pattern
		.compile("^sightline-progress (\\d+|NA) (\\d+|NA) (\\d+(?:\\.\\d+)?|NA)$");

	private static final String FILE = "sightline-file ";

	/**
	 * The original track (yt-dlp's language preference), then the smallest audio at least
	 * at the speech bit rate; audio of unknown rate is taken, and a video's own sound
	 * where there is no audio-only stream.
	 */
	private static final String FORMAT = "ba[abr>=?" + AudioStream.SPEECH_BITRATE / 1000 + "]/ba/b";

	private static final String SORT = "lang,+abr";

	private final String command;

	private final URI proxy;

	private final Path cookies;

	private final long maxBytes;

	YtDlp(String command, URI proxy, Path cookies, long maxBytes) {
		this.command = command;
		this.proxy = proxy;
		this.cookies = cookies;
		this.maxBytes = maxBytes;
	}

	/** Whether the binary runs at all. */
	boolean available() {
		return ExternalCommand.runs(List.of(this.command, "--version"), 30);
	}

	/**
	 * Downloads the audio of the video at {@code url} into {@code directory} and answers
	 * the file; {@code progress} is told the bytes so far and the total (0 when unknown),
	 * and the tick runs twice a second between reports. The byte cap is kept here, from
	 * the progress, not by yt-dlp's own {@code --max-filesize}: that one skips the
	 * download without a word and exits 0.
	 * @throws SourceFailure with a sentence when yt-dlp cannot run or fails
	 */
	Path download(String url, Path directory, YouTubeClient.Progress progress, Runnable tick) {
		AtomicReference<Path> file = new AtomicReference<>();
		ExternalCommand.Outcome outcome;
		try {
			outcome = ExternalCommand.run(command(url, directory), (line) -> {
				Matcher report = PROGRESS.matcher(line);
				if (report.matches()) {
					long bytes = bytes(report.group(1));
					long total = (bytes(report.group(2)) > 0) ? bytes(report.group(2)) : bytes(report.group(3));
					if (Math.max(bytes, total) > this.maxBytes) {
						throw YouTubeFailures.audioTooLarge(Math.max(bytes, total), this.maxBytes);
					}
					progress.downloaded(bytes, total);
				}
				else if (line.startsWith(FILE)) {
					file.set(Path.of(line.substring(FILE.length())));
				}
			}, tick);
		}
		catch (IOException ex) {
			throw YouTubeFailures.ytDlpMissing(ex.getMessage());
		}
		if (!outcome.succeeded()) {
			throw failure(outcome.report());
		}
		Path downloaded = file.get();
		if (downloaded == null || !Files.isRegularFile(downloaded)) {
			throw YouTubeFailures.ytDlpWroteNothing();
		}
		return downloaded;
	}

	List<String> command(String url, Path directory) {
		List<String> command = new ArrayList<>(
				List.of(this.command, "--no-playlist", "--newline", "--progress", "--no-part", "--no-mtime",
						"--no-warnings", "--no-colors", "-f", FORMAT, "-S", SORT, "--progress-template",
						"download:sightline-progress %(progress.downloaded_bytes)s %(progress.total_bytes)s"
								+ " %(progress.total_bytes_estimate)s",
						"--print", "after_move:" + FILE + "%(filepath)s", "-o",
						directory.resolve("audio.%(ext)s").toString()));
		if (this.proxy != null) {
			command.addAll(List.of("--proxy", this.proxy.toString()));
		}
		if (this.cookies != null) {
			command.addAll(List.of("--cookies", this.cookies.toString()));
		}
		command.addAll(List.of("--", url));
		return command;
	}

	private static long bytes(String value) {
		return value.equals("NA") ? 0 : (long) Double.parseDouble(value);
	}

	/**
	 * What yt-dlp's last error says, classified as Sightline's own download's failures
	 * are: the video's state is permanent, YouTube's refusals and network trouble are
	 * transient.
	 */
	static SourceFailure failure(String report) {
		String error = report.lines()
			.filter((line) -> line.startsWith("ERROR:"))
			.reduce((first, second) -> second)
			.orElseGet(() -> report.strip().lines().reduce((first, second) -> second).orElse("no message"))
			.replaceFirst("^ERROR:\\s*", "")
			.replaceFirst(";? *please report this issue.*$", "")
			.strip();
		String said = "yt-dlp: " + ((error.length() > 200) ? error.substring(0, 200) + "…" : error);
		String lower = error.toLowerCase(Locale.ROOT);
		if (lower.contains("private video")) {
			return YouTubeFailures.privateVideo();
		}
		if (lower.contains("confirm your age") || lower.contains("age-restricted")) {
			return YouTubeFailures.ageRestricted();
		}
		if (lower.contains("sign in to confirm") || lower.contains("429") || lower.contains("too many requests")) {
			return YouTubeFailures.blocked(said, null);
		}
		if (lower.contains("video unavailable") || lower.contains("has been removed")) {
			return YouTubeFailures.unavailableSaid(said);
		}
		if (lower.contains("requested format is not available")) {
			return YouTubeFailures.noAudio();
		}
		return YouTubeFailures.ytDlpFailed(said);
	}

}
