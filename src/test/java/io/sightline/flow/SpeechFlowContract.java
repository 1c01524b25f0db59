package io.sightline.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.support.TestDatabases;
import io.sightline.support.YouTubeReplay;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A YouTube video without captions, transcribed from its audio (issue 16): YouTube
 * replayed from recorded answers (the caption client's says there are no captions; the
 * stream client's, a 2026 VISIONOS answer, lists audio streams, served with the test's
 * own audio), speech-to-text by a local stub. On whichever database the concrete class
 * sets up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
abstract class SpeechFlowContract {

	static final String VIDEO = "noCaptions1";

	/** A small range, so the test's short audio comes in several. */
	static final int RANGE = 64 * 1024;

	static final YouTubeReplay replay = new YouTubeReplay();

	static final SpeechStub speech = new SpeechStub();

	static byte[] audio;

	@LocalServerPort
	int port;

	Api api;

	/** Where each run's recordings and their scratch files are kept. */
	static final Path media = TestDatabases.freshDataDir().resolve("media");

	static void sources(DynamicPropertyRegistry registry) {
		registry.add("sightline.youtube.base-url", replay::baseUrl);
		registry.add("sightline.youtube.audio.range-size", () -> RANGE + "B");
		registry.add("sightline.asr.part-length", () -> "30s");
		registry.add("sightline.media.dir", media::toString);
		speech.serveAsSpeechToText(registry);
	}

	@BeforeAll
	static void recordedVideo() throws Exception {
		TestAudio.requireFfmpeg();
		Path file = TestAudio.make(Files.createTempDirectory("sightline-audio-").resolve("sound.m4a"), 60, 20);
		audio = Files.readAllBytes(file);
		replay.videoWithoutCaptions(VIDEO, audio);
	}

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	@Test
	void aVideoWithoutCaptionsIsTranscribedFromItsAudioOnceAndSummarized() {
		String url = "https://www.youtube.com/watch?v=" + VIDEO;
		// the replay and the stub serve every database's run: count what this one adds
		int rangesBefore = streamRequests().size();
		int transcribedBefore = speech.transcribedFiles().size();
		String taskId = this.api.createFromUrl(url).json().get("task_id").asText();
		List<JsonNode> polls = this.api.pollUntilFinished(taskId);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");

		List<RecordedRequest> ranges = streamRequests().subList(rangesBefore, streamRequests().size());
		assertThat(ranges).hasSize((int) Math.ceil(audio.length / (double) RANGE));
		assertThat(ranges).allSatisfy((request) -> {
			String[] ends = request.getHeader("Range").substring(6).split("-");
			assertThat(Long.parseLong(ends[1]) - Long.parseLong(ends[0]) + 1).isLessThanOrEqualTo(RANGE);
		});
		// every state the task went through, from its change log
		List<String> stages = this.api.events(taskId, "0", Duration.ofSeconds(10))
			.stream()
			.map((event) -> event.data().get("stage").asText())
			.distinct()
			.toList();
		int downloading = indexOf(stages, "Downloading audio \\d+ % \\([0-9.]+ of [0-9.]+ MB\\)");
		int converting = indexOf(stages, "Converting audio \\d+ %");
		int transcribing = indexOf(stages, "Transcribing part 1 of 2\\.\\.\\.");
		assertThat(downloading).as(stages.toString()).isNotNegative().isLessThan(converting);
		assertThat(converting).as(stages.toString()).isLessThan(transcribing);
		int transcribed = speech.transcribedFiles().size();
		assertThat(transcribed).as("the audio's two parts").isEqualTo(transcribedBefore + 2);
		JsonNode summary = this.api.get("/api/summaries/" + last.get("summary_id").asText()).json();
		assertThat(summary.get("key_points")).isNotEmpty()
			.allSatisfy((point) -> assertThat(point.get("start_seconds").asDouble()).isBetween(0.0, 60.0));

		// the same video again: from the cache, nothing downloaded or transcribed
		List<JsonNode> again = this.api
			.pollUntilFinished(this.api.createFromUrl("https://youtu.be/" + VIDEO).json().get("task_id").asText());
		assertThat(again.get(again.size() - 1).get("status").asText()).isEqualTo("completed");
		assertThat(streamRequests()).hasSize(rangesBefore + ranges.size());
		assertThat(speech.transcribedFiles()).hasSize(transcribed);
	}

	@Test
	void aVideoWithCaptionsIsTranscribedWhenAsrIsAskedForAndReadFromItsCaptionsOtherwise() {
		String video = "captioned01";
		replay.videoWithAudio(video, audio);
		String url = "https://www.youtube.com/watch?v=" + video;
		int transcribedBefore = speech.transcribedFiles().size();
		long captionsBefore = captionRequests(video);
		Api.Response created = this.api.postJson("/api/summaries", "{\"url\":\"" + url + "\",\"transcript\":\"asr\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String taskId = created.json().get("task_id").asText();
		List<JsonNode> polls = this.api.pollUntilFinished(taskId);
		assertThat(polls.get(polls.size() - 1).get("status").asText()).isEqualTo("completed");
		List<String> phases = this.api.events(taskId, "0", Duration.ofSeconds(10))
			.stream()
			.map((event) -> event.data().get("phase").asText())
			.distinct()
			.toList();
		assertThat(phases).contains("transcribing");
		assertThat(speech.transcribedFiles()).as("the audio's two parts").hasSize(transcribedBefore + 2);
		assertThat(captionRequests(video)).isEqualTo(captionsBefore);

		// asked as usual, the same video is read from its captions: the transcript of
		// its audio is kept apart
		List<JsonNode> usual = this.api.pollUntilFinished(this.api.createFromUrl(url).json().get("task_id").asText());
		assertThat(usual.get(usual.size() - 1).get("status").asText()).isEqualTo("completed");
		assertThat(speech.transcribedFiles()).hasSize(transcribedBefore + 2);
		assertThat(replay.requestsFor(video)).anyMatch((r) -> r.getRequestUrl().encodedPath().equals("/api/timedtext"));
	}

	@Test
	void aCancelWhileTheAudioDownloadsEndsTheTaskAtOnceAndLeavesNoFiles() throws IOException {
		String video = "slowAudio01";
		replay.videoWithoutCaptions(video, audio).audioDelay(Duration.ofSeconds(1));
		try {
			String taskId = this.api.createFromUrl("https://www.youtube.com/watch?v=" + video)
				.json()
				.get("task_id")
				.asText();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.api.get("/api/progress/" + taskId)
					.json()
					.get("stage")
					.asText()
					.startsWith("Downloading audio"));
			assertThat(this.api.post("/api/progress/" + taskId + "/cancel").status()).isLessThan(300);
			await().atMost(Duration.ofSeconds(2))
				.until(() -> this.api.get("/api/progress/" + taskId).json().get("status").asText().equals("cancelled"));
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				try (Stream<Path> left = Files.walk(media)) {
					assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
				}
			});
		}
		finally {
			replay.audioDelay(Duration.ZERO);
		}
	}

	private static long captionRequests(String video) {
		return replay.requestsFor(video)
			.stream()
			.filter((r) -> r.getRequestUrl().encodedPath().equals("/api/timedtext"))
			.count();
	}

	/** Where the first stage matching {@code pattern} is, or -1. */
	private static int indexOf(List<String> stages, String pattern) {
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).matches(pattern)) {
				return i;
			}
		}
		return -1;
	}

	private static List<RecordedRequest> streamRequests() {
		return replay.requests()
			.stream()
			.filter((request) -> request.getRequestUrl().encodedPath().equals("/videoplayback"))
			.toList();
	}

}
