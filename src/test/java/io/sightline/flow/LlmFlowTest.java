package io.sightline.flow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.Api.Event;
import io.sightline.support.ChatStub;
import io.sightline.support.TestDatabases;
import io.sightline.system.Timestamps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code "summarizer":"llm"} end to end, with {@code spring.ai.openai.base-url} pointed
 * at a local stub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class LlmFlowTest {

	static final ChatStub stub = new ChatStub();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		stub.serveAsModel(registry);
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void theServerSaysItHasAModel() {
		JsonNode capabilities = new Api(this.port).get("/api/capabilities").json();
		assertThat(capabilities.get("model").asBoolean()).isTrue();
		assertThat(capabilities.get("summarizers").findValuesAsString("name")).contains("extractive", "llm");
	}

	@Test
	void anUploadedTalkIsSummarizedByTheModelPartByPart() throws IOException {
		int answeredBefore = stub.answeredPrompts().size();
		Api api = new Api(this.port);
		Api.Response created = api.uploadTalk(Map.of("summarizer", "llm", "length", "short"));
		assertThat(created.status()).isEqualTo(202);
		String taskId = created.json().get("task_id").asText();
		List<JsonNode> polls = api.pollUntilFinished(taskId);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");

		List<String> stages = api.events(taskId, "0", Duration.ofSeconds(10))
			.stream()
			.map((event) -> event.data().get("stage").asText())
			.toList();
		long parts = stub.answeredPrompts()
			.subList(answeredBefore, stub.answeredPrompts().size())
			.stream()
			.filter((prompt) -> prompt.contains("This is part "))
			.count();
		assertThat(parts).isGreaterThan(1);
		for (int part = 1; part <= parts; part++) {
			String partStage = "Summarizing part " + part + " of " + parts + " \\(model call \\d+ of at most 200\\)";
			assertThat(stages).anySatisfy((stage) -> assertThat(stage).matches(partStage));
		}
		assertThat(stages)
			.contains("Combining " + parts + " parts into the summary (model call " + (parts + 1) + " of at most 200)");

		JsonNode summary = api.get("/api/summaries/" + last.get("summary_id").asText()).json();
		assertThat(summary.get("summarizer").asText()).isEqualTo("llm");
		assertThat(summary.get("model").asText()).isEqualTo(ChatStub.MODEL);
		assertThat(summary.get("tldr").asText()).isEqualTo("A stubbed summary of the whole.");
		assertThat(summary.get("usage").get("calls").asInt()).isEqualTo((int) parts + 1);
		assertThat(summary.get("usage").get("prompt_tokens").asInt()).isPositive();
		assertThat(summary.get("usage").get("model_millis").isIntegralNumber()).isTrue();
		assertThat(summary.get("usage").get("cost").isNull()).as("no prices set").isTrue();
		assertThat(summary.get("key_points")).isNotEmpty();
		for (JsonNode point : summary.get("key_points")) {
			if (point.get("text").asText().equals(ChatStub.OUT_OF_RANGE_POINT)) {
				assertThat(point.get("start_seconds").isNull()).isTrue();
			}
			else {
				assertThat(point.get("start_seconds").asDouble()).isBetween(0.0, 3400.0);
			}
		}
	}

	@Test
	void aModelThatAnswersInMarkdownInsteadOfJsonStillGivesASummary() throws IOException {
		stub.answerInMarkdown(true);
		try {
			Api api = new Api(this.port);
			String taskId = api.uploadTalk(Map.of("summarizer", "llm", "length", "short"))
				.json()
				.get("task_id")
				.asText();
			List<JsonNode> polls = api.pollUntilFinished(taskId);
			JsonNode last = polls.get(polls.size() - 1);
			assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
			assertThat(last.get("attempt").asInt()).as("read at the first attempt").isEqualTo(1);
			JsonNode summary = api.get("/api/summaries/" + last.get("summary_id").asText()).json();
			assertThat(summary.get("tldr").asText()).isEqualTo("A stubbed summary of the whole.");
			assertThat(summary.get("key_points")).isNotEmpty()
				.allSatisfy((point) -> assertThat(point.get("start_seconds").isNumber()).isTrue());
		}
		finally {
			stub.answerInMarkdown(false);
		}
	}

	@Test
	void anAnswerWithNothingUsableIsAskedForOnceMoreBeforeTheTaskCountsAFailedAttempt() throws IOException {
		int answeredBefore = stub.answeredPrompts().size();
		stub.answerNothingUsable(1);
		Api api = new Api(this.port);
		Api.Response created = api.uploadNotes(Map.of("summarizer", "llm", "length", "short"));
		List<JsonNode> polls = api.pollUntilFinished(created.json().get("task_id").asText());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("attempt").asInt()).isEqualTo(1);
		List<String> prompts = stub.answeredPrompts().subList(answeredBefore, stub.answeredPrompts().size());
		assertThat(prompts).hasSize(2);
		assertThat(prompts.get(1)).startsWith(prompts.get(0)).contains("Your previous answer could not be read.");
	}

	@Test
	void aSummaryAskedForInGermanIsAskedOfTheModelInGermanAndSaysSo() throws IOException {
		int answeredBefore = stub.answeredPrompts().size();
		Api api = new Api(this.port);
		Api.Response created = api
			.uploadNotes(Map.of("summarizer", "llm", "length", "short", "summary_language", "de"));
		List<JsonNode> polls = api.pollUntilFinished(created.json().get("task_id").asText());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(stub.answeredPrompts().subList(answeredBefore, stub.answeredPrompts().size())).isNotEmpty()
			.allSatisfy((prompt) -> assertThat(prompt).contains("in German (language code de)"));
		JsonNode summary = api.get("/api/summaries/" + last.get("summary_id").asText()).json();
		assertThat(summary.get("summary_language").asText()).isEqualTo("de");
	}

	@Test
	void aStreamedAnswerMovesTheBarWhileTheModelWrites() throws IOException {
		stub.streamSlowly(true);
		try {
			Api api = new Api(this.port);
			Api.Response created = api.uploadNotes(Map.of("summarizer", "llm", "length", "short"));
			String taskId = created.json().get("task_id").asText();
			List<JsonNode> polls = api.pollUntilFinished(taskId);
			assertThat(polls.get(polls.size() - 1).get("status").asText()).isEqualTo("completed");
			List<JsonNode> states = api.events(taskId, "0", Duration.ofSeconds(10)).stream().map(Event::data).toList();
			Instant partStarted = states.stream()
				.filter((state) -> state.get("stage").asText().startsWith("Summarizing the transcript"))
				.map((state) -> Instant.parse(state.get("updated_at").asText()))
				.findFirst()
				.orElseThrow();
			Instant firstChange = states.stream()
				.filter((state) -> state.get("stage").asText().startsWith("Writing the summary… "))
				.map((state) -> Instant.parse(state.get("updated_at").asText()))
				.findFirst()
				.orElseThrow();
			System.out.println("Streaming: first progress change inside the part "
					+ Duration.between(partStarted, firstChange).toMillis() + " ms after it started");
			List<Integer> whileWriting = states.stream()
				.filter((state) -> state.get("stage").asText().startsWith("Writing the summary… "))
				.map((state) -> state.get("progress").asInt())
				.distinct()
				.toList();
			assertThat(whileWriting).as("progress values while the answer was written")
				.hasSizeGreaterThanOrEqualTo(5)
				.isSorted();
		}
		finally {
			stub.streamSlowly(false);
		}
	}

	@Test
	void aCancelWhileTheAnswerIsWrittenStopsTheStreamAndAsksTheModelNothingMore() throws IOException {
		stub.streamSlowly(true);
		try {
			Api api = new Api(this.port);
			String taskId = api.uploadNotes(Map.of("summarizer", "llm", "length", "short"))
				.json()
				.get("task_id")
				.asText();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/progress/" + taskId)
					.json()
					.get("stage")
					.asText()
					.startsWith("Writing the summary… "));
			int requests = stub.requestCount();
			assertThat(api.post("/api/progress/" + taskId + "/cancel").json().get("status").asText())
				.isEqualTo("cancelled");
			await().during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(10))
				.until(() -> stub.requestCount() == requests
						&& api.get("/api/progress/" + taskId).json().get("status").asText().equals("cancelled"));
			assertThat(api.get("/api/summaries/" + api.get("/api/progress/" + taskId).json().get("summary_id").asText())
				.status()).isEqualTo(404);
		}
		finally {
			stub.streamSlowly(false);
		}
	}

	@Test
	void aQuestionIsAnsweredByTheModelFromThePassagesWithTimesInsideTheTalk() throws IOException {
		Api api = new Api(this.port);
		Api.Response created = api.uploadTalk(Map.of("summarizer", "extractive"));
		String summaryId = created.json().get("summary_id").asText();
		api.pollUntilFinished(created.json().get("task_id").asText());
		int duration = api.get("/api/summaries/" + summaryId).json().get("duration_seconds").asInt();

		JsonNode answer = api
			.postJson("/api/summaries/" + summaryId + "/questions", "{\"question\": \"What about code reviews?\"}")
			.json();
		assertThat(answer.get("from_model").asBoolean()).isTrue();
		Matcher time = Pattern.compile("\\[(\\d+:\\d{2}(?::\\d{2})?)\\]").matcher(answer.get("answer").asText());
		assertThat(time.find()).as(answer.get("answer").asText()).isTrue();
		assertThat(Timestamps.seconds(time.group(1))).isBetween(0.0, (double) duration);
	}

	@Test
	void anAnswerIsStreamedAsTheModelWritesItWhenAskedForEvents() throws Exception {
		Api api = new Api(this.port);
		Api.Response created = api.uploadNotes(Map.of("summarizer", "extractive"));
		String summaryId = created.json().get("summary_id").asText();
		api.pollUntilFinished(created.json().get("task_id").asText());
		stub.streamSlowly(true);
		try {
			HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(
							URI.create("http://127.0.0.1:" + this.port + "/api/summaries/" + summaryId + "/questions"))
					.header("Content-Type", "application/json")
					.header("Accept", "text/event-stream")
					.POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What about reviews?\"}"))
					.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> events = new ArrayList<>();
			String name = null;
			for (String line : (Iterable<String>) response.body()::iterator) {
				if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					events.add(name + " " + line.substring(5).strip());
				}
			}
			assertThat(events.stream().filter((event) -> event.startsWith("answer-text "))).hasSizeGreaterThan(1);
			String last = events.get(events.size() - 1);
			assertThat(last).startsWith("answer ");
			JsonNode answer = JsonMapper.shared().readTree(last.substring("answer ".length()));
			assertThat(answer.get("from_model").asBoolean()).isTrue();
			assertThat(answer.get("answer").asText()).startsWith("They say reviews catch mistakes early");
		}
		finally {
			stub.streamSlowly(false);
		}
	}

}
