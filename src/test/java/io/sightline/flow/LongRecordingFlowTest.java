package io.sightline.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A two-hour recording, with the settings as shipped (parts of 10 minutes, two at once):
 * converted with its progress shown in percent, cut into parts at the pauses near each
 * ten minutes, and summarized with times across the two hours (issue 16).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class LongRecordingFlowTest {

	static final SpeechStub stub = new SpeechStub();

	@TempDir
	static Path audio;

	@LocalServerPort
	int port;

	@BeforeAll
	static void ffmpeg() {
		TestAudio.requireFfmpeg();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		stub.serveAsSpeechToText(registry);
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void aTwoHourRecordingIsSummarizedWithProgressThroughEveryStep() throws Exception {
		// each part takes a moment, as with a real engine, so every step is seen
		stub.answerDelay(Duration.ofMillis(300));
		// a minute of sound, then a second of silence, for two hours
		Path recording = TestAudio.make(audio.resolve("two-hours.m4a"), 7200, 60);
		Api api = new Api(this.port);
		Api.Response created = api.upload("two-hours.m4a", Files.readAllBytes(recording), Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String taskId = created.json().get("task_id").asText();

		List<JsonNode> polls = new ArrayList<>();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
			JsonNode poll = api.get("/api/progress/" + taskId).json();
			polls.add(poll);
			return !poll.get("status").asText().equals("processing");
		});
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");

		// every state the task went through, from its change log
		List<String> stages = api.events(taskId, "0", Duration.ofSeconds(10))
			.stream()
			.map((event) -> event.data().get("stage").asText())
			.distinct()
			.toList();
		List<Integer> converted = stages.stream()
			.filter((stage) -> stage.matches("Converting audio \\d+ %"))
			.map((stage) -> Integer.parseInt(stage.replaceAll("\\D", "")))
			.toList();
		assertThat(converted).as(stages.toString()).hasSizeGreaterThan(2).isSorted();
		// parts end at the pause nearest each ten minutes: every 9 min 9 s here
		int count = stub.transcribedFiles().size();
		assertThat(count).isBetween(12, 15);
		String partStage = "^Transcribing part (\\d+) of " + count + "\\.\\.\\.$";
		List<Integer> parts = stages.stream()
			.filter((stage) -> stage.matches(partStage))
			.map((stage) -> Integer.parseInt(stage.replaceAll(partStage, "$1")))
			.toList();
		assertThat(parts).as(stages.toString()).hasSizeGreaterThan(2).isSorted().contains(count);
		assertThat(stages.indexOf("Transcribing part 1 of " + count + "..."))
			.isGreaterThan(stages.indexOf("Converting audio 100 %"));

		JsonNode summary = api.get("/api/summaries/" + created.json().get("summary_id").asText()).json();
		assertThat(summary.get("duration_seconds").asInt()).isEqualTo(7200);
		assertThat(summary.get("key_points"))
			.allSatisfy((point) -> assertThat(point.get("start_seconds").asDouble()).isBetween(0.0, 7200.0));
		// the stub says the same few sentences all along, so which copy a key point takes
		// is
		// the summarizer's choice; the transcript shows the parts placed in the recording
		JsonNode transcript = api.get("/api/summaries/" + created.json().get("summary_id").asText() + "/transcript")
			.json();
		assertThat(transcript)
			.anySatisfy((segment) -> assertThat(segment.get("start_seconds").asDouble()).isGreaterThan(3600.0))
			.allSatisfy((segment) -> assertThat(segment.get("start_seconds").asDouble()).isBetween(0.0, 7200.0));
	}

}
