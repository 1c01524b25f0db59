package io.sightline.flow;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.ChatStub;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model that breaks down in the middle of the map phase: the task is retried, and the
 * retry asks the model only for the parts whose notes were not done (they are kept per
 * task, issue 20).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class LlmRetryFlowTest {

	static final ChatStub stub = new ChatStub();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		stub.serveAsModel(registry);
		registry.add("sightline.llm.context-budget", () -> "4000");
		registry.add("sightline.llm.max-parallel", () -> "1");
		registry.add("sightline.llm.call-attempts", () -> "1");
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void aRetryAsksTheModelOnlyForThePartsNotDone() throws IOException {
		stub.failAfter(2, 1, 503);
		Api api = new Api(this.port);
		String taskId = api.uploadTalk(Map.of("summarizer", "llm", "length", "short")).json().get("task_id").asText();
		List<JsonNode> polls = api.pollUntilFinished(taskId);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("attempt").asInt()).as("the breakdown made the task retry").isEqualTo(2);

		List<String> mapPrompts = stub.answeredPrompts()
			.stream()
			.filter((prompt) -> prompt.contains("This is part "))
			.toList();
		Map<String, Long> answersPerPart = mapPrompts.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(answersPerPart).as("parts").hasSizeGreaterThanOrEqualTo(4);
		assertThat(answersPerPart.values()).as("answers per part, over both attempts").containsOnly(1L);
	}

	@Test
	void anEndpointThatRefusesStructuredOutputIsAskedWithoutItAndNotAgain() throws IOException {
		stub.refuseResponseFormat(true);
		try {
			Api api = new Api(this.port);
			for (int summary = 1; summary <= 2; summary++) {
				String taskId = api.uploadNotes(Map.of("summarizer", "llm", "length", "short"))
					.json()
					.get("task_id")
					.asText();
				List<JsonNode> polls = api.pollUntilFinished(taskId);
				assertThat(polls.get(polls.size() - 1).get("status").asText()).isEqualTo("completed");
			}
			// the first call is refused with a schema and with a JSON object, then never
			// again
			assertThat(stub.refusedResponseFormats()).as("requests refused for asking structured output").isEqualTo(2);
		}
		finally {
			stub.refuseResponseFormat(false);
		}
	}

}
