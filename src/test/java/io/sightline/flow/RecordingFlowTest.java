package io.sightline.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Recordings (audio and video files) uploaded and summarized through speech-to-text:
 * converted by ffmpeg, cut at pauses into parts of 30 s, each part transcribed by a local
 * stub of {@code /v1/audio/transcriptions}, the times placed in the recording (issue 16).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class RecordingFlowTest {

	@BeforeAll
	static void ffmpeg() {
		TestAudio.requireFfmpeg();
	}

	static final SpeechStub stub = new SpeechStub();

	static final Path media = TestDatabases.freshDataDir().resolve("media");

	@TempDir
	static Path audio;

	@LocalServerPort
	int port;

	Api api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		stub.serveAsSpeechToText(registry);
		registry.add("sightline.media.dir", media::toString);
		registry.add("sightline.asr.part-length", () -> "30s");
		registry.add("sightline.asr.max-parallel", () -> "1");
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
		stub.reset();
	}

	@Test
	void aRecordingIsTranscribedInPartsCutAtPausesAndSummarizedWithTimesInsideIt() throws Exception {
		// 25 s of sound and 1 s of silence, over and over: pauses at 25.5, 51.5, 77.5
		Path recording = TestAudio.make(audio.resolve("lecture.m4a"), 100, 25);
		JsonNode created = upload(recording).json();
		List<JsonNode> polls = this.api.pollUntilFinished(created.get("task_id").asText());

		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertPartsCutAtThePauses(stub.transcribedFiles());
		assertThat(stub.askedFormats()).containsOnly("verbose_json");
		List<String> stages = polls.stream().map((poll) -> poll.get("stage").asText()).distinct().toList();
		assertThat(stages.stream().filter((stage) -> stage.startsWith("Transcribing part ")).toList()).isSorted()
			.contains("Transcribing part 4 of 4...");
		assertThat(polls).anySatisfy((poll) -> assertThat(poll.get("phase").asText()).isEqualTo("transcribing"));

		JsonNode summary = this.api.get("/api/summaries/" + created.get("summary_id").asText()).json();
		assertThat(summary.get("title").asText()).isEqualTo("lecture");
		assertThat(summary.get("duration_seconds").asInt()).isEqualTo(100);
		assertThat(summary.get("key_points")).isNotEmpty()
			.allSatisfy((point) -> assertThat(point.get("start_seconds").asDouble()).isBetween(0.0, 100.0));
		assertThat(summary.get("key_points"))
			.anySatisfy((point) -> assertThat(point.get("start_seconds").asDouble()).isGreaterThan(50.0));
		assertNothingLeftIn(media);
	}

	@Test
	void aPartTheEndpointFailsOnceIsTheOnlyOneTranscribedAgain() throws Exception {
		stub.failRequest(3, 503);
		Path recording = TestAudio.make(audio.resolve("retried.m4a"), 100, 25);
		List<JsonNode> polls = this.api.pollUntilFinished(upload(recording).json().get("task_id").asText());

		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("attempt").asInt()).as("the 503 made the task retry").isEqualTo(2);
		// each part transcribed once over both attempts
		assertPartsCutAtThePauses(stub.transcribedFiles());
		assertThat(stub.requestCount()).isEqualTo(5);
	}

	@Test
	void aCancelWhileAPartIsTranscribedEndsTheTaskAtOnceAndLeavesNoFiles() throws Exception {
		stub.answerDelay(Duration.ofSeconds(20));
		Path recording = TestAudio.make(audio.resolve("cancelled.m4a"), 100, 25);
		String taskId = upload(recording).json().get("task_id").asText();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/progress/" + taskId)
				.json()
				.get("stage")
				.asText()
				.startsWith("Transcribing"));

		assertThat(this.api.post("/api/progress/" + taskId + "/cancel").status()).isLessThan(300);
		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.api.get("/api/progress/" + taskId).json().get("status").asText().equals("cancelled"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertNothingLeftIn(media));
	}

	@Test
	void aShortVideoWithSoundIsSummarized() throws Exception {
		Path video = TestAudio.make(audio.resolve("clip.mp4"), 20, 8);
		List<JsonNode> polls = this.api.pollUntilFinished(upload(video).json().get("task_id").asText());
		assertThat(polls.get(polls.size() - 1).get("status").asText()).isEqualTo("completed");
	}

	@Test
	void aPictureNamedLikeARecordingIsRefusedWhenItArrives() {
		Api.Response refused = this.api.upload("holiday.mp3",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asText()).isEqualTo("upload.not_media");
		assertThat(refused.json().get("detail").asText()).startsWith("The file 'holiday.mp3' is not audio or video");
	}

	private Api.Response upload(Path recording) throws IOException {
		Api.Response created = this.api.upload(recording.getFileName().toString(), Files.readAllBytes(recording),
				Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		return created;
	}

	/** Four parts, starting at 0 and in the middle of each pause (25.5, 51.5, 77.5 s). */
	private static void assertPartsCutAtThePauses(List<String> files) {
		assertThat(files).hasSize(4);
		double[] pauses = { 0, 25.5, 51.5, 77.5 };
		for (int i = 0; i < 4; i++) {
			double start = Double.parseDouble(files.get(i).replaceAll("^part-(.*)\\.ogg$", "$1"));
			assertThat(start).as(files.toString()).isCloseTo(pauses[i], within(0.3));
		}
	}

	private static void assertNothingLeftIn(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> left = Files.walk(directory)) {
			assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
		}
	}

}
