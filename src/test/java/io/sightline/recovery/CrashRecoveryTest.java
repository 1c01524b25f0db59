package io.sightline.recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sightline.support.Api;
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
		try (ServerProcess second = ServerProcess.start(settings, gates, log)) {
			assertThat(second.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
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
