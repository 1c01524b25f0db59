package io.sightline.recovery;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sightline.support.Api;
import io.sightline.support.ChatStub;
import io.sightline.support.ServerProcess;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server killed with SIGKILL in the middle of a job, then started again on the same
 * data: the job engine sees the dead execution, runs the job again, and the task ends
 * with one summary.
 */
class CrashRecoveryTest {

	@TempDir
	Path work;

	@Test
	void aJobKilledMidwayFinishesAfterRestartWithExactlyOneSummaryOnH2() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(TestDatabases.h2Properties(this.work.resolve("data")));
		killMidJobAndRestart(settings);
	}

	@Test
	@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
	void aJobKilledMidwayFinishesAfterRestartWithExactlyOneSummaryOnPostgres() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(
				TestDatabases.postgresProperties(TestDatabases.freshSchema()));
		killMidJobAndRestart(settings);
	}

	/**
	 * A task whose work takes all the memory: the server exits (the supervisor's cue to
	 * restart it), the restart runs the task again, and after two such crashes the task
	 * ends in error with a sentence instead of taking the server down a third time.
	 */
	@Test
	void aTaskThatRunsTheServerOutOfMemoryTwiceEndsInErrorInsteadOfAThirdTime() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(TestDatabases.h2Properties(this.work.resolve("data")));
		settings.putAll(TestDatabases.fastSettingsMap());
		Path gates = Files.createDirectories(this.work.resolve("gates"));
		Path log = this.work.resolve("servers.log");
		String taskId;
		try (ServerProcess first = ServerProcess.start(settings, gates, log)) {
			taskId = first.api()
				.createFromUrl("https://hungry.test/" + UUID.randomUUID())
				.json()
				.get("task_id")
				.asText();
			assertThat(first.awaitExit(Duration.ofSeconds(60))).as("exit code of -XX:+ExitOnOutOfMemoryError")
				.isEqualTo(3);
		}
		// the restart runs the task again at once, maybe before it is even ready
		try (ServerProcess second = ServerProcess.launch(settings, gates, log)) {
			assertThat(second.awaitExit(Duration.ofSeconds(90))).isEqualTo(3);
		}
		try (ServerProcess third = ServerProcess.start(settings, gates, log)) {
			Api api = third.api();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !api.get("/api/progress/" + taskId).json().get("status").asText().equals("processing"));
			JsonNode last = api.get("/api/progress/" + taskId).json();
			assertThat(last.get("status").asText()).isEqualTo("error");
			assertThat(last.at("/failure/kind").asText()).isEqualTo("interrupted");
			assertThat(last.at("/failure/code").asText()).isEqualTo("task.crashed");
			assertThat(last.get("error").asText()).contains("stopped 2 times");
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
		}
	}

	/**
	 * A kill in the middle of the map phase of an LLM summary: after the restart, the
	 * model is asked only for the parts whose notes were not done.
	 */
	@Test
	void afterAKillDuringTheMapPhaseOnlyThePartsNotDoneAreAskedFor() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(TestDatabases.h2Properties(this.work.resolve("data")));
		settings.putAll(TestDatabases.fastSettingsMap());
		Path gates = Files.createDirectories(this.work.resolve("gates"));
		Path log = this.work.resolve("servers.log");
		try (ChatStub model = new ChatStub()) {
			settings.put("spring.ai.openai.base-url", model.baseUrl());
			settings.put("spring.ai.openai.chat.options.model", "stub-model");
			settings.put("sightline.llm.context-budget", "4000");
			settings.put("sightline.llm.max-parallel", "1");
			model.stallAfter(2, Duration.ofMinutes(2));
			byte[] talk;
			try (InputStream in = getClass()
				.getResourceAsStream("/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.srt")) {
				talk = in.readAllBytes();
			}
			String taskId;
			try (ServerProcess first = ServerProcess.start(settings, gates, log)) {
				taskId = first.api()
					.upload("talk.srt", talk, Map.of("summarizer", "llm", "length", "short"))
					.json()
					.get("task_id")
					.asText();
				// two parts answered, the third asked for and stalled: kill the server
				// now
				await().atMost(Duration.ofSeconds(60)).until(() -> model.requestCount() == 3);
				first.kill();
			}
			model.stallAfter(Integer.MAX_VALUE, Duration.ZERO);
			List<String> beforeRestart = model.answeredPrompts();
			try (ServerProcess second = ServerProcess.start(settings, gates, log)) {
				Api api = second.api();
				await().atMost(Duration.ofSeconds(90))
					.until(() -> !api.get("/api/progress/" + taskId)
						.json()
						.get("status")
						.asText()
						.equals("processing"));
				assertThat(api.get("/api/progress/" + taskId).json().get("status").asText()).isEqualTo("completed");
			}
			List<String> afterRestart = model.answeredPrompts()
				.subList(beforeRestart.size(), model.answeredPrompts().size());
			List<String> partsBefore = beforeRestart.stream()
				.filter((prompt) -> prompt.contains("This is part "))
				.toList();
			List<String> partsAfter = afterRestart.stream()
				.filter((prompt) -> prompt.contains("This is part "))
				.toList();
			// the stub saw three map prompts: two answered, the third stalled when the
			// server was killed
			assertThat(partsBefore).hasSize(3);
			assertThat(partsAfter).as("parts asked for after the restart")
				.doesNotContainAnyElementsOf(partsBefore.subList(0, 2))
				.contains(partsBefore.get(2));
			assertThat(2 + partsAfter.size()).as("parts in all").isGreaterThanOrEqualTo(4);
		}
	}

	private void killMidJobAndRestart(Map<String, String> settings) throws Exception {
		settings.putAll(TestDatabases.fastSettingsMap());
		Path gates = Files.createDirectories(this.work.resolve("gates"));
		Path log = this.work.resolve("servers.log");
		String gate = UUID.randomUUID().toString();
		List<Integer> seen = new ArrayList<>();
		String taskId;
		String summaryId;

		ServerProcess first = ServerProcess.start(settings, gates, log);
		try {
			JsonNode created = first.api().createFromUrl("https://gated.test/" + gate).json();
			taskId = created.get("task_id").asText();
			summaryId = created.get("summary_id").asText();
			Api api = first.api();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				JsonNode state = api.get("/api/progress/" + taskId).json();
				seen.add(state.get("progress").asInt());
				return state.get("stage").asText().startsWith("Reading the transcript");
			});
		}
		finally {
			first.kill();
		}
		Files.createFile(gates.resolve(gate));

		try (ServerProcess second = ServerProcess.start(settings, gates, log)) {
			Api api = second.api();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
				JsonNode state = api.get("/api/progress/" + taskId).json();
				seen.add(state.get("progress").asInt());
				return !state.get("status").asText().equals("processing");
			});
			JsonNode last = api.get("/api/progress/" + taskId).json();
			assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
			assertThat(last.get("progress").asInt()).isEqualTo(100);
			assertThat(seen).isSorted();
			assertThat(api.get("/api/summaries/" + summaryId).status()).isEqualTo(200);
			JsonNode library = api.get("/api/library").json();
			assertThat(library.get("total").asLong()).isEqualTo(1);
			assertThat(library.get("items").get(0).get("id").asText()).isEqualTo(summaryId);
		}
	}

}
