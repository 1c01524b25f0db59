package io.sightline.source.youtube;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.source.SourceFailure;
import io.sightline.support.TestAudio;
import io.sightline.support.YouTubeReplay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Debian's real yt-dlp, run by {@link YtDlp} against a local page whose {@code <audio>}
 * its generic extractor downloads: the arguments it is given are ones it takes, its
 * progress is read, its byte cap kept and a cancel kills it. Its error lines are the ones
 * yt-dlp prints for YouTube's refusals.
 */
class YtDlpTest {

	private static final String VIDEO = "noCaptions1";

	private final YouTubeReplay replay = new YouTubeReplay();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		this.replay.close();
	}

	private String watchUrl() {
		return this.replay.baseUrl() + "/watch?v=" + VIDEO;
	}

	private byte[] audio(int seconds) throws Exception {
		return Files.readAllBytes(TestAudio.make(this.dir.resolve("made-" + seconds + ".m4a"), seconds, 15));
	}

	@Test
	void downloadsTheAudioOfThePageAndReportsItsBytes() throws Exception {
		TestAudio.requireFfmpeg();
		TestAudio.requireYtDlp();
		byte[] audio = audio(30);
		this.replay.videoForYtDlp(VIDEO, audio);
		List<long[]> reports = new ArrayList<>();
		Path into = Files.createDirectories(this.dir.resolve("work"));

		Path file = new YtDlp("yt-dlp", null, null, 50_000_000).download(watchUrl(), into,
				(bytes, total) -> reports.add(new long[] { bytes, total }), () -> {
				});

		assertThat(file.getParent()).isEqualTo(into);
		assertThat(Files.readAllBytes(file)).isEqualTo(audio);
		assertThat(reports).isNotEmpty();
		assertThat(reports.get(reports.size() - 1)).containsExactly(audio.length, audio.length);
		for (int i = 1; i < reports.size(); i++) {
			assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
		}
		assertThat(this.replay.requestsFor(VIDEO)).anyMatch((r) -> r.getRequestUrl().encodedPath().equals("/watch"))
			.anyMatch((r) -> r.getRequestUrl().encodedPath().equals("/videoplayback"));
	}

	@Test
	void audioOverTheByteCapStopsTheDownloadWithTheCapsSentence() throws Exception {
		TestAudio.requireFfmpeg();
		TestAudio.requireYtDlp();
		this.replay.videoForYtDlp(VIDEO, audio(30));
		Path into = Files.createDirectories(this.dir.resolve("work"));

		SourceFailure failure = catchThrowableOfType(SourceFailure.class,
				() -> new YtDlp("yt-dlp", null, null, 1_000).download(watchUrl(), into, (bytes, total) -> {
				}, () -> {
				}));

		assertThat(failure.code()).isEqualTo("youtube.audio_too_large");
		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.getMessage()).contains("sightline.youtube.audio.max-size");
		assertThat(ytDlpProcesses()).isEmpty();
	}

	@Test
	void aCancelKillsYtDlpWhileItWaitsForTheStream() throws Exception {
		TestAudio.requireFfmpeg();
		TestAudio.requireYtDlp();
		this.replay.videoForYtDlp(VIDEO, audio(10)).audioDelay(Duration.ofSeconds(20));
		Path into = Files.createDirectories(this.dir.resolve("work"));
		List<Integer> ticks = new ArrayList<>();

		assertThatThrownBy(
				() -> new YtDlp("yt-dlp", null, null, 50_000_000).download(watchUrl(), into, (bytes, total) -> {
				}, () -> {
					ticks.add(1);
					if (this.replay.requestsFor(VIDEO)
						.stream()
						.anyMatch((r) -> r.getRequestUrl().encodedPath().equals("/videoplayback"))) {
						throw new IllegalStateException("cancelled");
					}
				}))
			.hasMessage("cancelled");

		assertThat(ticks).isNotEmpty();
		assertThat(ytDlpProcesses()).isEmpty();
	}

	@Test
	void aBinaryThatCannotRunIsAPermanentFailureThatSaysWhatToInstall() {
		SourceFailure failure = catchThrowableOfType(SourceFailure.class,
				() -> new YtDlp(this.dir.resolve("no-such-yt-dlp").toString(), null, null, 1_000).download(watchUrl(),
						this.dir, (bytes, total) -> {
						}, () -> {
						}));

		assertThat(failure.code()).isEqualTo("youtube.ytdlp_missing");
		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.getMessage()).contains("apt install yt-dlp").contains("sightline.youtube.yt-dlp");
		assertThat(new YtDlp(this.dir.resolve("no-such-yt-dlp").toString(), null, null, 1_000).available()).isFalse();
	}

	@Test
	void aPageWithoutAudioIsAFailureInYtDlpsOwnWordsWithoutItsPleaToReportIt() {
		TestAudio.requireYtDlp();
		SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> new YtDlp("yt-dlp", null, null, 1_000)
			.download(this.replay.baseUrl() + "/nothing-here?v=x", this.dir, (bytes, total) -> {
			}, () -> {
			}));

		assertThat(failure.code()).isEqualTo("youtube.ytdlp_failed");
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).contains("HTTP Error 404").doesNotContain("please report");
	}

	@Test
	void theProxyAndTheCookiesArePassedOnAndTheAddressComesLast() {
		List<String> command = new YtDlp("/opt/yt-dlp", URI.create("http://proxy:3128"), Path.of("/etc/cookies.txt"),
				1_000)
			.command("https://www.youtube.com/watch?v=abc", this.dir);

		assertThat(command.get(0)).isEqualTo("/opt/yt-dlp");
		assertThat(command).containsSubsequence("--proxy", "http://proxy:3128")
			.containsSubsequence("--cookies", "/etc/cookies.txt")
			.endsWith("--", "https://www.youtube.com/watch?v=abc")
			.doesNotContain("--max-filesize");
		assertThat(new YtDlp("yt-dlp", null, null, 1_000).command("https://x", this.dir)).doesNotContain("--proxy",
				"--cookies");
	}

	@Test
	void youTubesRefusalsAsYtDlpReportsThemAreClassifiedLikeSightlinesOwn() {
		assertThat(YtDlp
			.failure("ERROR: [youtube] abc: Private video. Sign in if you've been granted access to this" + " video")
			.code()).isEqualTo("youtube.private");
		assertThat(YtDlp
			.failure("ERROR: [youtube] abc: Sign in to confirm your age. This video may be inappropriate"
					+ " for some users.")
			.code()).isEqualTo("youtube.age_restricted");
		SourceFailure bot = YtDlp.failure("[youtube] abc: Downloading webpage\nERROR: [youtube] abc: Sign in to"
				+ " confirm you’re not a bot. Use --cookies-from-browser or --cookies for the authentication.");
		assertThat(bot.code()).isEqualTo("youtube.blocked");
		assertThat(bot.isTransient()).isTrue();
		assertThat(YtDlp
			.failure("ERROR: [youtube] abc: Video unavailable. This video has been removed by the" + " uploader")
			.code()).isEqualTo("youtube.unavailable");
		assertThat(YtDlp.failure("ERROR: unable to download video data: HTTP Error 429: Too Many Requests").code())
			.isEqualTo("youtube.blocked");
		assertThat(YtDlp
			.failure("ERROR: [youtube] abc: Requested format is not available. Use --list-formats for a"
					+ " list of available formats")
			.code()).isEqualTo("youtube.no_audio");
		SourceFailure other = YtDlp.failure("ERROR: unable to download video data: HTTP Error 403: Forbidden");
		assertThat(other.code()).isEqualTo("youtube.ytdlp_failed");
		assertThat(other.isTransient()).isTrue();
		assertThat(other.getMessage()).contains("HTTP Error 403: Forbidden");
	}

	private static List<ProcessHandle> ytDlpProcesses() {
		return ProcessHandle.current()
			.descendants()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().commandLine().orElse("").contains("yt-dlp"))
			.toList();
	}

}
