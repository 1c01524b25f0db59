package io.sightline.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.ChatStub;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stages that would take longer than their budgets: a slow model, or a slow transcription
 * endpoint, is stopped at its next step once the budget is spent, and the task ends with
 * a sentence instead of running on (issue 20).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class StageBudgetFlowTest {

	static final ChatStub stub = new ChatStub();

	static final SpeechStub speech = new SpeechStub();

	@TempDir
	static Path audio;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		stub.serveAsModel(registry);
		registry.add("sightline.llm.context-budget", () -> "2000");
		registry.add("sightline.llm.max-parallel", () -> "1");
		registry.add("sightline.pipeline.stage-budget.summarize", () -> "1500ms");
		speech.serveAsSpeechToText(registry);
		registry.add("sightline.asr.part-length", () -> "30s");
		registry.add("sightline.asr.max-parallel", () -> "1");
		registry.add("sightline.pipeline.stage-budget.transcript", () -> "1500ms");
	}

	@AfterAll
	static void stop() {
		stub.close();
		speech.close();
	}

	@Test
	void aTranscriptionPastItsBudgetStopsWhileAPartIsAwaitedAndEndsWithASentence() throws Exception {
		TestAudio.requireFfmpeg();
		speech.answerDelay(Duration.ofSeconds(20));
		Path recording = TestAudio.make(audio.resolve("lecture.m4a"), 100, 25);
		Api api = new Api(this.port);
		Api.Response created = api.upload("lecture.m4a", Files.readAllBytes(recording), Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		List<JsonNode> polls = api.pollUntilFinished(created.json().get("task_id").asText());

		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("error");
		assertThat(last.at("/failure/code").asText()).isEqualTo("task.over_budget");
		assertThat(last.get("error").asText()).isEqualTo("Reading the transcript took longer than its budget of"
				+ " 1.5 s, so it was stopped; try a shorter part of the source or a faster model, or raise"
				+ " sightline.pipeline.stage-budget.transcript.");
		assertThat(last.get("attempt").asInt()).as("not retried").isEqualTo(1);
		// four parts, one at a time, each answered after 20 s: stopped while the first
		// was awaited
		assertThat(speech.requestCount()).as("parts asked for").isLessThanOrEqualTo(1);
	}

	@Test
	void aSummaryPastItsBudgetStopsAtTheNextPartAndEndsWithASentence() throws IOException {
		stub.answerDelay(Duration.ofMillis(600));
		Api api = new Api(this.port);
		String taskId = api.uploadTalk(Map.of("summarizer", "llm", "length", "short")).json().get("task_id").asText();
		List<JsonNode> polls = api.pollUntilFinished(taskId);

		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("error");
		assertThat(last.at("/failure/code").asText()).isEqualTo("task.over_budget");
		assertThat(last.at("/failure/kind").asText()).isEqualTo("permanent");
		assertThat(last.get("error").asText()).isEqualTo("Summarizing took longer than its budget of 1.5 s, so it was"
				+ " stopped; try a shorter part of the source or a faster model, or raise"
				+ " sightline.pipeline.stage-budget.summarize.");
		assertThat(last.get("attempt").asInt()).as("not retried").isEqualTo(1);
		long parts = polls.stream()
			.map((poll) -> poll.get("stage").asText())
			.filter((stage) -> stage.startsWith("Summarizing part "))
			.findFirst()
			.map((stage) -> Long.parseLong(stage.replaceAll("^Summarizing part \\d+ of (\\d+).*$", "$1")))
			.orElseThrow();
		assertThat(stub.requestCount()).as("calls made, of the %d parts", parts).isLessThan((int) parts);
	}

}
