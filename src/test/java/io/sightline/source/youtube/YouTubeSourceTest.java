package io.sightline.source.youtube;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.sightline.model.SpeechSettings;
import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceProgress;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptChoice;
import io.sightline.source.TranscriptVariant;
import io.sightline.source.speech.Speech;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.support.YouTubeReplay;
import io.sightline.support.YouTubeReplay.Answer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Replays every recorded YouTube response from a local server through the real HTTP
 * client, and checks the transcript or the failure each one leads to.
 */
class YouTubeSourceTest {

	private static final String VIDEO = YouTubeReplay.VIDEO;

	private static final String URL = "https://www.youtube.com/watch?v=" + VIDEO;

	private final YouTubeReplay replay = new YouTubeReplay();

	@AfterEach
	void stop() {
		this.replay.close();
	}

	@TempDir
	Path dir;

	/** The longest audio the source transcribes. */
	private Duration longestAudio = Duration.ofHours(12);

	private YouTubeSource source(List<String> languages) {
		return source(languages, null);
	}

	/**
	 * The source, transcribing videos without captions with {@code speech} where given.
	 */
	private YouTubeSource source(List<String> languages, SpeechStub speech) {
		return source(languages, speech, null);
	}

	/** The source, downloading audio with the yt-dlp {@code ytDlp} where given. */
	private YouTubeSource source(List<String> languages, SpeechStub speech, String ytDlp) {
		MediaFiles media = new MediaFiles(this.dir.resolve("media"));
		SpeechSettings settings = new SpeechSettings((speech != null) ? speech.baseUrl() : null, null, "whisper-stub",
				null, Duration.ofSeconds(30), DataSize.ofMegabytes(24), Duration.ofMinutes(10), 2, this.longestAudio);
		return new YouTubeSource(
				new YouTubeProperties(URI.create(this.replay.baseUrl()), null, "ANDROID", "20.10.38", languages,
						Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(1),
						new YouTubeProperties.Audio("VISIONOS", "1.02", DataSize.ofMegabytes(50), RANGE), ytDlp, null,
						new YouTubeProperties.Lists("WEB", "2.20260519.10.00"), Duration.ZERO),
				Clock.systemUTC(), JsonMapper.shared(),
				new Speech(settings, media, JsonMapper.shared(), Clock.systemUTC(), "ffmpeg"), media);
	}

	/** A small range, so a short test recording comes in several. */
	private static final DataSize RANGE = DataSize.ofKilobytes(32);

	private Transcript read(String language, List<String> languages) {
		YouTubeSource source = source(languages);
		SourceRequest request = new SourceRequest(URL, null, null, language);
		return source.transcript(request, source.metadata(request));
	}

	@Test
	void theRecordedVideoGivesItsDetailsAndItsThreeCues() {
		YouTubeSource source = source(List.of("en"));
		SourceRequest request = new SourceRequest("https://youtu.be/" + VIDEO + "?si=abc&t=42", null, null, null);
		SourceMetadata metadata = source.metadata(request);
		assertThat(metadata.title()).isEqualTo("Surface Go Review - It’s Awesome");
		assertThat(metadata.channel()).isEqualTo("Dave2D");
		assertThat(metadata.durationSeconds()).isEqualTo(316);
		assertThat(metadata.sourceType()).isEqualTo("youtube");
		assertThat(metadata.sourceUrl()).isEqualTo(URL);
		assertThat(metadata.thumbnailUrl()).startsWith("https://i.ytimg.com/vi/" + VIDEO + "/");

		assertThat(source.variant(request, metadata))
			.isEqualTo(new TranscriptVariant("en", TranscriptVariant.MANUAL, "English captions"));
		Transcript transcript = source.transcript(request, metadata);
		assertThat(transcript.segments()).containsExactly(new Segment(0.0, 1.54, "Hey, this is just a test"),
				new Segment(1.54, 4.16, "this is not the original transcript"),
				new Segment(5.7, 3.239, "just something shorter, I made up for testing"));
		assertThat(transcript.language()).isEqualTo("en");

		List<RecordedRequest> requests = this.replay.requests();
		assertThat(requests).extracting((r) -> r.getMethod() + " " + r.getRequestUrl().encodedPath())
			.containsExactly("GET /watch", "POST /youtubei/v1/player", "GET /api/timedtext");
		assertThat(requests).allSatisfy((r) -> assertThat(r.getHeader("Accept-Language")).isEqualTo("en-US"));
		assertThat(requests.get(1).getRequestUrl().queryParameter("key"))
			.isEqualTo("AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8");
		assertThat(requests.get(1).getBody().clone().readUtf8()).contains("\"clientName\":\"ANDROID\"")
			.contains("\"clientVersion\":\"20.10.38\"")
			.contains("\"videoId\":\"" + VIDEO + "\"");
		assertThat(requests.get(2).getRequestUrl().queryParameter("lang")).isEqualTo("en");
		assertThat(requests.get(2).getRequestUrl().queryParameter("kind")).isNull();
		assertThat(requests.get(2).getRequestUrl().queryParameter("fmt")).isNull();
		assertThat(requests.get(2).getRequestUrl().queryParameter("tlang")).isNull();
	}

	@Test
	void aRecordingWithAnotherUserAgentGivesTheSameTranscript() {
		this.replay.player(VIDEO, Answer.file("youtube_altered_user_agent.innertube.json.static"));
		assertThat(read(null, List.of("en")).segments()).hasSize(3)
			.first()
			.isEqualTo(new Segment(0.0, 1.54, "Hey, this is just a test"));
	}

	@Test
	void theRequestedLanguageComesFirstThenThePreferenceList() {
		Transcript german = read("de", List.of("en"));
		assertThat(german.language()).isEqualTo("de");
		assertThat(lastTimedText().queryParameter("lang")).isEqualTo("de");

		this.replay.player(VIDEO, Answer.file("youtube_ww1_nl_en.innertube.json.static"));
		Transcript fallback = read("de", List.of("en"));
		assertThat(fallback.language()).isEqualTo("en");
		assertThat(lastTimedText().queryParameter("lang")).isEqualTo("en");
		assertThat(lastTimedText().queryParameter("kind")).isNull();
	}

	@Test
	void anAutoGeneratedTrackServesWhenThereIsNoManualOne() {
		YouTubeSource source = source(List.of());
		CaptionList captions = new CaptionList(Instant.now(), List.of(
				new CaptionTrack("en", "English (auto-generated)", true, true,
						"https://www.youtube.com/api/timedtext?v=x&kind=asr&lang=en"),
				new CaptionTrack("fr", "French", false, true, "https://www.youtube.com/api/timedtext?v=x&lang=fr")),
				List.of(), null);
		CaptionChoice choice = CaptionChoice.choose(captions, List.of("en-US", "fr"));
		assertThat(choice.variant())
			.isEqualTo(new TranscriptVariant("en", "auto", "English captions (auto-generated)"));
		assertThat(source.name()).isEqualTo("youtube");
	}

	@Test
	void withNoTrackInAWantedLanguageYouTubeTranslates() {
		Transcript dutch = read("nl", List.of());
		assertThat(dutch.language()).isEqualTo("nl");
		assertThat(lastTimedText().queryParameter("tlang")).isEqualTo("nl");
		assertThat(lastTimedText().queryParameter("lang")).isEqualTo("en");
	}

	@Test
	void aLanguageNeitherOnOfferNorTranslatableIsRefusedWithTheLanguagesThereAre() {
		SourceFailure failure = failure(() -> read("cz", List.of()));
		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.getMessage()).startsWith("This video has no captions in cz")
			.contains("German (de)")
			.contains("English (auto-generated) (en)");
	}

	@Test
	void theEuConsentPageIsAcceptedWithItsCookie() {
		this.replay.watchPages(VIDEO, Answer.file("youtube_consent_page.html.static"),
				Answer.file("youtube.html.static"));
		assertThat(read(null, List.of("en")).segments()).hasSize(3);
		List<RecordedRequest> requests = this.replay.requests();
		assertThat(requests).hasSize(4);
		assertThat(requests.get(0).getHeader("Cookie")).isNull();
		assertThat(requests.get(1).getHeader("Cookie")).isEqualTo("CONSENT=YES+cb.20210328-17-p0.de+FX+119");
	}

	@Test
	void aConsentPageThatComesBackOrHasNoValueIsAPermanentFailure() {
		this.replay.watchPages(VIDEO, Answer.file("youtube_consent_page.html.static"));
		SourceFailure twice = failure(() -> read(null, List.of("en")));
		assertThat(twice.isTransient()).isFalse();
		assertThat(twice.getMessage()).contains("cookie terms").contains("sightline.youtube.proxy");

		this.replay.watchPages("AAAAAAAAAAA", Answer.file("youtube_consent_page_invalid.html.static"));
		SourceFailure invalid = failure(() -> source(List.of("en"))
			.metadata(new SourceRequest("https://www.youtube.com/watch?v=AAAAAAAAAAA", null, null, null)));
		assertThat(invalid.getMessage()).isEqualTo(twice.getMessage());
	}

	@Test
	void theUnusualTrafficCaptchaIsATransientBlockThatSuggestsAProxy() {
		this.replay.watchPages(VIDEO, Answer.file("youtube_too_many_requests.html.static"));
		SourceFailure failure = failure(() -> read(null, List.of("en")));
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).startsWith("YouTube is blocking requests from this server's address")
			.contains("sightline.youtube.proxy")
			.contains("upload the video's subtitles");
	}

	@Test
	void notABotIsATransientBlock() {
		this.replay.player(VIDEO, Answer.file("youtube_request_blocked.innertube.json.static"));
		SourceFailure failure = failure(() -> read(null, List.of("en")));
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).contains("not a bot").contains("sightline.youtube.proxy");
	}

	@Test
	void http429IsATransientBlockThatHonoursRetryAfter() {
		this.replay.timedText(VIDEO, new Answer(429, null, Map.of("Retry-After", "7")));
		SourceFailure failure = failure(() -> read(null, List.of("en")));
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
		assertThat(failure.getMessage()).contains("HTTP 429");
	}

	@Test
	void aServerErrorIsTransient() {
		this.replay.player(VIDEO, Answer.status(500));
		SourceFailure failure = failure(() -> read(null, List.of("en")));
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).isEqualTo("YouTube answered 500; Sightline will retry.");
	}

	@Test
	void ageRestrictedUnavailableAndUnplayableVideosArePermanentFailuresWithTheirOwnSentences() {
		assertThat(permanentFailureFor("youtube_age_restricted.innertube.json.static")).contains("age-restricted");
		assertThat(permanentFailureFor("youtube_video_unavailable.innertube.json.static")).isEqualTo("Video " + VIDEO
				+ " is unavailable: it may have been removed, or the address may be wrong;" + " check the address.");
		assertThat(permanentFailureFor("youtube_unplayable.innertube.json.static"))
			.startsWith("YouTube will not play this video: Custom Reason (Sub Reason 1; Sub Reason 2)");
	}

	@Test
	void videosWithoutCaptionsSayWhatToSetToTranscribeThemAndNeverUseTheDescription() {
		assertThat(permanentFailureFor("youtube_transcripts_disabled.innertube.json.static"))
			.startsWith("This video has no captions; set sightline.asr.base-url to a transcription endpoint")
			.endsWith(" to transcribe it, or upload its subtitles.");
		assertThat(permanentFailureFor("youtube_transcripts_disabled2.innertube.json.static"))
			.startsWith("This video has no captions; set sightline.asr.base-url");
		assertThat(this.replay.requests()).noneMatch((r) -> r.getRequestUrl().encodedPath().equals("/api/timedtext"));
	}

	@Test
	void aVideoWithoutCaptionsIsTranscribedFromItsAudioDownloadedInRanges() throws Exception {
		TestAudio.requireFfmpeg();
		byte[] audio = Files.readAllBytes(TestAudio.make(this.dir.resolve("sound.m4a"), 40, 15));
		this.replay.videoWithoutCaptions(VIDEO, audio);
		try (SpeechStub speech = new SpeechStub()) {
			YouTubeSource source = source(List.of("en"), speech);
			List<String> progress = new ArrayList<>();
			SourceRequest request = new SourceRequest(URL, null, null, null, TranscriptChoice.AUTO, UUID.randomUUID(),
					(fraction, text) -> progress.add(text), null);
			SourceMetadata metadata = source.metadata(request);
			assertThat(source.variant(request, metadata).kind()).isEqualTo("asr:whisper-stub");

			Transcript transcript = source.transcript(request, metadata);

			assertThat(transcript.segments()).isNotEmpty()
				.allSatisfy((segment) -> assertThat(segment.startSeconds()).isBetween(0.0, 40.0));
			assertThat(speech.transcribedFiles()).isNotEmpty();
		}
		List<RecordedRequest> ranges = this.replay.requests()
			.stream()
			.filter((r) -> r.getRequestUrl().encodedPath().equals("/videoplayback"))
			.toList();
		assertThat(ranges).hasSize((int) Math.ceil(audio.length / (double) RANGE.toBytes()));
		assertThat(ranges).allSatisfy((r) -> {
			String[] ends = r.getHeader("Range").substring(6).split("-");
			assertThat(Long.parseLong(ends[1]) - Long.parseLong(ends[0]) + 1).isLessThanOrEqualTo(RANGE.toBytes());
		});
		assertThat(this.replay.requests()).noneMatch((r) -> r.getRequestUrl().encodedPath().equals("/api/timedtext"));
		try (Stream<Path> left = Files.walk(this.dir.resolve("media"))) {
			assertThat(left.filter(Files::isRegularFile).toList()).as("the download is removed").isEmpty();
		}
	}

	@Test
	void withYtDlpSetTheAudioIsDownloadedByItAndNothingOfItIsLeft() throws Exception {
		TestAudio.requireFfmpeg();
		TestAudio.requireYtDlp();
		byte[] audio = Files.readAllBytes(TestAudio.make(this.dir.resolve("sound.m4a"), 40, 15));
		this.replay.videoForYtDlp(VIDEO, audio);
		try (SpeechStub speech = new SpeechStub()) {
			YouTubeSource source = source(List.of("en"), speech, "yt-dlp");
			List<String> progress = new ArrayList<>();
			SourceRequest request = new SourceRequest(URL, null, null, null, TranscriptChoice.AUTO, UUID.randomUUID(),
					(fraction, text) -> progress.add(text), null);
			SourceMetadata metadata = source.metadata(request);

			Transcript transcript = source.transcript(request, metadata);

			assertThat(transcript.segments()).isNotEmpty()
				.allSatisfy((segment) -> assertThat(segment.startSeconds()).isBetween(0.0, 40.0));
			assertThat(speech.transcribedFiles()).isNotEmpty();
			assertThat(progress).contains("Downloading audio...")
				.anyMatch(
						(text) -> text != null && text.matches("Downloading audio 100 % \\(0\\.\\d of 0\\.\\d MB\\)"));
		}
		// yt-dlp fetched the stream; Sightline asked no stream client's player answer
		assertThat(this.replay.requests()).anyMatch((r) -> r.getRequestUrl().encodedPath().equals("/videoplayback"))
			.noneMatch((r) -> r.getBody().clone().readUtf8().contains("VISIONOS"));
		try (Stream<Path> left = Files.walk(this.dir.resolve("media"))) {
			assertThat(left.filter(Files::isRegularFile).toList()).as("the download is removed").isEmpty();
		}
	}

	@Test
	void aVideoWithCaptionsIsTranscribedFromItsAudioWhenAsrIsAskedFor() throws Exception {
		TestAudio.requireFfmpeg();
		byte[] audio = Files.readAllBytes(TestAudio.make(this.dir.resolve("sound.m4a"), 20, 15));
		this.replay.videoWithAudio(VIDEO, audio);
		try (SpeechStub speech = new SpeechStub()) {
			YouTubeSource source = source(List.of("en"), speech);
			SourceRequest request = new SourceRequest(URL, null, null, null, TranscriptChoice.ASR, UUID.randomUUID(),
					null, null);
			source.check(request);
			SourceMetadata metadata = source.metadata(request);
			assertThat(source.transcribes(request, metadata)).isTrue();
			assertThat(source.variant(request, metadata).kind()).isEqualTo("asr:whisper-stub");

			Transcript transcript = source.transcript(request, metadata);

			assertThat(transcript.segments()).isNotEmpty()
				.allSatisfy((segment) -> assertThat(segment.startSeconds()).isBetween(0.0, 20.0));
			assertThat(speech.transcribedFiles()).hasSize(1);
			// the same video read as usual comes from its captions
			SourceRequest usual = new SourceRequest(URL, null, null, null);
			assertThat(source.transcribes(usual, metadata)).isFalse();
			assertThat(source.variant(usual, metadata).kind()).isEqualTo(TranscriptVariant.MANUAL);
		}
		assertThat(this.replay.requests()).noneMatch((r) -> r.getRequestUrl().encodedPath().equals("/api/timedtext"));
	}

	@Test
	void aVideoLongerThanTheServerTranscribesIsRefusedBeforeItsAudioIsDownloaded() {
		this.replay.videoWithoutCaptions(VIDEO, new byte[1024]);
		this.longestAudio = Duration.ofMinutes(4);
		try (SpeechStub speech = new SpeechStub()) {
			YouTubeSource source = source(List.of("en"), speech);
			SourceRequest request = new SourceRequest(URL, null, null, null, TranscriptChoice.AUTO, UUID.randomUUID(),
					null, null);
			SourceMetadata metadata = source.metadata(request);

			SourceFailure refused = catchThrowableOfType(SourceFailure.class,
					() -> source.transcript(request, metadata));

			assertThat(refused.code()).isEqualTo("asr.too_long");
			assertThat(refused.getMessage())
				.startsWith("The audio lasts 4 min 48 s, longer than the 4 min this server transcribes");
			assertThat(speech.requestCount()).isZero();
		}
		assertThat(this.replay.requests()).noneMatch((r) -> r.getRequestUrl().encodedPath().equals("/videoplayback"))
			.noneMatch((r) -> r.getBody().clone().readUtf8().contains("VISIONOS"));
	}

	@Test
	void asrWhereThisServerCannotTranscribeIsRefusedBeforeAnyRequest() {
		SourceFailure refused = catchThrowableOfType(SourceFailure.class,
				() -> source(List.of("en")).check(new SourceRequest(URL, null, null, null, TranscriptChoice.ASR)));
		assertThat(refused.code()).isEqualTo("asr.not_configured");
		assertThat(refused.getMessage())
			.startsWith("This server cannot transcribe the video's audio: set " + "sightline.asr.base-url")
			.endsWith("; or leave transcript out to read its captions.");
		assertThat(this.replay.requests()).isEmpty();
	}

	@Test
	void captionsOnlyForAVideoWithoutCaptionsEndsWithASentenceAndDownloadsNothing() throws Exception {
		this.replay.videoWithoutCaptions(VIDEO, new byte[1024]);
		try (SpeechStub speech = new SpeechStub()) {
			YouTubeSource source = source(List.of("en"), speech);
			SourceRequest request = new SourceRequest(URL, null, null, null, TranscriptChoice.CAPTIONS);
			SourceMetadata metadata = source.metadata(request);
			SourceFailure refused = catchThrowableOfType(SourceFailure.class,
					() -> source.transcript(request, metadata));
			assertThat(refused.code()).isEqualTo("youtube.no_captions");
			assertThat(refused.getMessage()).contains("transcript=captions asks for captions only");
			assertThat(speech.requestCount()).isZero();
		}
		assertThat(this.replay.requests()).noneMatch((r) -> r.getRequestUrl().encodedPath().equals("/videoplayback"));
	}

	@Test
	void downloadProgressSaysHowMuchOfTheAudioIsIn() throws Exception {
		TestAudio.requireFfmpeg();
		byte[] audio = Files.readAllBytes(TestAudio.make(this.dir.resolve("sound.m4a"), 40, 15));
		this.replay.videoWithoutCaptions(VIDEO, audio);
		List<String> progress = new ArrayList<>();
		try (SpeechStub speech = new SpeechStub()) {
			YouTubeSource source = source(List.of("en"), speech);
			SourceRequest request = new SourceRequest(URL, null, null, null, TranscriptChoice.AUTO, UUID.randomUUID(),
					(fraction, text) -> progress.add(text), null);
			source.transcript(request, source.metadata(request));
		}
		List<Integer> percents = progress.stream()
			.filter((text) -> text != null && text.matches("Downloading audio \\d+ % \\([0-9.]+ of [0-9.]+ MB\\)"))
			.map((text) -> Integer.parseInt(text.replaceAll("^Downloading audio (\\d+) %.*$", "$1")))
			.toList();
		assertThat(percents).hasSizeGreaterThan(2).isSorted().endsWith(100);
		assertThat(progress.indexOf("Converting audio...")).isGreaterThan(progress.indexOf("Downloading audio..."));
	}

	@Test
	void downloadProgressNamesMegabytesAsPeopleReadThem() {
		assertThat(SourceProgress.downloadText(12 * 1024 * 1024, 35 * 1024 * 1024))
			.isEqualTo("Downloading audio 34 % (12 of 35 MB)");
		assertThat(SourceProgress.downloadText(100 * 1024, 250 * 1024))
			.isEqualTo("Downloading audio 40 % (0.1 of 0.2 MB)");
		assertThat(SourceProgress.downloadText(3 * 1024 * 1024, 0)).isEqualTo("Downloading audio (3.0 MB)");
	}

	@Test
	void aTrackThatNeedsAPoTokenIsRefusedBeforeAnyCaptionRequest() {
		assertThat(permanentFailureFor("youtube_po_token_required.innertube.json.static"))
			.contains("proof-of-origin token");
		assertThat(this.replay.requests()).noneMatch((r) -> r.getRequestUrl().encodedPath().equals("/api/timedtext"));
	}

	@Test
	void aPlaylistOrChannelIsRefusedBeforeAnyRequest() {
		YouTubeSource source = source(List.of("en"));
		assertThatThrownBy(
				() -> source.check(new SourceRequest("https://www.youtube.com/playlist?list=PL123", null, null, null)))
			.isInstanceOf(SourceFailure.class)
			.hasFieldOrPropertyWithValue("code", "request.youtube_playlist");
		assertThat(this.replay.requests()).isEmpty();
	}

	private String permanentFailureFor(String playerFile) {
		this.replay.player(VIDEO, Answer.file(playerFile));
		SourceFailure failure = failure(() -> read(null, List.of("en")));
		assertThat(failure.isTransient()).as(failure.getMessage()).isFalse();
		return failure.getMessage();
	}

	private okhttp3.HttpUrl lastTimedText() {
		List<RecordedRequest> requests = this.replay.requests();
		return requests.get(requests.size() - 1).getRequestUrl();
	}

	private static SourceFailure failure(Runnable read) {
		SourceFailure failure = catchThrowableOfType(SourceFailure.class, read::run);
		assertThat(failure).as("a SourceFailure").isNotNull();
		return failure;
	}

}
