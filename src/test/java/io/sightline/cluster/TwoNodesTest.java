package io.sightline.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.Api.Event;
import io.sightline.support.ServerProcess;
import io.sightline.support.TestDatabases;
import io.sightline.support.TestSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL database. In this JVM: node A runs jobs, node B only serves
 * HTTP, so everything B's SSE clients see of A's work comes through
 * {@code LISTEN/NOTIFY}. In separate JVMs: the node running a job is killed and the other
 * finishes it.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TwoNodesTest {

	static final String SCHEMA = TestDatabases.freshSchema();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@TempDir
	Path work;

	static ConfigurableApplicationContext start(boolean runsJobs) {
		Map<String, String> settings = new LinkedHashMap<>(TestDatabases.postgresProperties(SCHEMA));
		settings.putAll(TestDatabases.fastSettingsMap());
		settings.put("server.port", "0");
		settings.put("db-scheduler.enabled", Boolean.toString(runsJobs));
		settings.put("sightline.progress.keep-alive", "500ms");
		return new SpringApplicationBuilder(SightlineApplication.class, TestSources.class).run(
				settings.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	@BeforeAll
	static void startNodes() {
		nodeA = start(true);
		nodeB = start(false);
	}

	@AfterAll
	static void stopNodes() {
		nodeB.close();
		nodeA.close();
	}

	static Api api(ConfigurableApplicationContext node) {
		return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
	}

	@Test
	void aTaskSubmittedOnAIsFollowedOverSseOnBToTheEndAndPollingAgrees() throws Exception {
		String gate = UUID.randomUUID().toString();
		JsonNode created = api(nodeA).createFromUrl("https://gated.test/" + gate).json();
		String taskId = created.get("task_id").asText();
		CompletableFuture<List<Event>> onB = CompletableFuture
			.supplyAsync(() -> api(nodeB).events(taskId, "0", Duration.ofSeconds(60)));
		await().until(() -> api(nodeB).get("/api/progress/" + taskId)
			.json()
			.get("stage")
			.asText()
			.startsWith("Reading the transcript"));
		TestSources.open(gate);
		List<Event> events = onB.get(60, TimeUnit.SECONDS);

		assertEverySequenceNumber(events);
		JsonNode last = events.get(events.size() - 1).data();
		assertThat(last.get("status").asText()).isEqualTo("completed");
		assertThat(api(nodeA).get("/api/progress/" + taskId).json())
			.isEqualTo(api(nodeB).get("/api/progress/" + taskId).json());
		assertThat(api(nodeB).get("/api/summaries/" + created.get("summary_id").asText()).status()).isEqualTo(200);
	}

	@Test
	void aLostListenerConnectionIsReopenedAndTheSubscriberStillGetsEveryChange() throws Exception {
		String gate = UUID.randomUUID().toString();
		String taskId = api(nodeA).createFromUrl("https://gated.test/" + gate).json().get("task_id").asText();
		CompletableFuture<List<Event>> onB = CompletableFuture
			.supplyAsync(() -> api(nodeB).events(taskId, "0", Duration.ofSeconds(60)));
		await().until(() -> api(nodeB).get("/api/progress/" + taskId)
			.json()
			.get("stage")
			.asText()
			.startsWith("Reading the transcript"));
		JdbcClient jdbc = nodeB.getBean(JdbcClient.class);
		int terminated = jdbc
			.sql("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
					+ " WHERE query = 'LISTEN sightline_progress' AND pid <> pg_backend_pid()")
			.query(Integer.class)
			.single();
		assertThat(terminated).isPositive();
		TestSources.open(gate);
		List<Event> events = onB.get(60, TimeUnit.SECONDS);
		assertEverySequenceNumber(events);
		assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("completed");
	}

	@Test
	void whenTheNodeRunningAJobIsKilledTheOtherTakesItOverWithin10sAndFinishesItWithOneSummary() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(
				TestDatabases.postgresProperties(TestDatabases.freshSchema()));
		settings.putAll(TestDatabases.fastSettingsMap());
		// the job engine's heartbeat and polling as shipped: the takeover is measured,
		// not tuned for the test
		settings.remove("db-scheduler.polling-interval");
		settings.remove("db-scheduler.heartbeat-interval");
		settings.remove("db-scheduler.missed-heartbeats-limit");
		Path gates = Files.createDirectories(this.work.resolve("gates"));
		Path log = this.work.resolve("nodes.log");
		String gate = UUID.randomUUID().toString();
		ServerProcess first = ServerProcess.start(settings, gates, log);
		String taskId;
		String summaryId;
		try {
			JsonNode created = first.api().createFromUrl("https://gated.test/" + gate).json();
			taskId = created.get("task_id").asText();
			summaryId = created.get("summary_id").asText();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> first.api()
					.get("/api/progress/" + taskId)
					.json()
					.get("stage")
					.asText()
					.startsWith("Reading the transcript"));
			try (ServerProcess second = ServerProcess.start(settings, gates, log)) {
				Map<Long, Instant> arrivals = new ConcurrentHashMap<>();
				AtomicBoolean caughtUp = new AtomicBoolean();
				CompletableFuture<List<Event>> following = CompletableFuture
					.supplyAsync(() -> second.api().events(taskId, "0", Duration.ofSeconds(90), (event) -> {
						arrivals.put(Long.parseLong(event.id()), Instant.now());
						caughtUp.compareAndSet(false,
								event.data().get("stage").asText().startsWith("Reading the transcript"));
					}));
				// the task waits at its gate, so once the stream has replayed up to that
				// stage nothing
				// more comes until the other node takes the job over
				await().atMost(Duration.ofSeconds(30)).untilTrue(caughtUp);
				long seenBeforeKill = arrivals.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
				Instant killed = Instant.now();
				first.kill();
				Files.createFile(gates.resolve(gate));
				List<Event> events = following.get(120, TimeUnit.SECONDS);

				Duration takeover = Duration.between(killed, arrivals.get(seenBeforeKill + 1));
				System.out.println(
						"Takeover: first event from the surviving node " + takeover.toMillis() + " ms after the kill");
				assertThat(takeover).as("from the kill to the survivor's first event")
					.isLessThan(Duration.ofSeconds(10));
				assertEverySequenceNumber(events);
				JsonNode last = events.get(events.size() - 1).data();
				assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
				assertThat(last.get("attempt").asInt()).isEqualTo(1);
				Api api = second.api();
				assertThat(api.get("/api/progress/" + taskId).json().get("status").asText()).isEqualTo("completed");
				JsonNode library = api.get("/api/library").json();
				assertThat(library.get("total").asLong()).isEqualTo(1);
				assertThat(library.get("items").get(0).get("id").asText()).isEqualTo(summaryId);
			}
		}
		finally {
			first.close();
		}
	}

	@Test
	void sigtermDuringAJobLetsItFinishAndLeavesNoTaskProcessing() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(
				TestDatabases.postgresProperties(TestDatabases.freshSchema()));
		settings.putAll(TestDatabases.fastSettingsMap());
		Path gates = Files.createDirectories(this.work.resolve("gates"));
		Path log = this.work.resolve("nodes.log");
		String gate = UUID.randomUUID().toString();
		try (ServerProcess first = ServerProcess.start(settings, gates, log);
				ServerProcess second = ServerProcess.start(settings, gates, log)) {
			JsonNode created = first.api().createFromUrl("https://gated.test/" + gate).json();
			String taskId = created.get("task_id").asText();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> second.api()
					.get("/api/progress/" + taskId)
					.json()
					.get("stage")
					.asText()
					.startsWith("Reading the transcript"));
			CompletableFuture<Integer> stopping = CompletableFuture.supplyAsync(() -> {
				try {
					return first.terminate();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			// open the gate only once the node has begun its graceful shutdown
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				try {
					return first.api().get("/actuator/health/readiness").status() != 200;
				}
				catch (RuntimeException refused) {
					return true;
				}
			});
			Files.createFile(gates.resolve(gate));
			stopping.get(120, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !second.api()
					.get("/api/progress/" + taskId)
					.json()
					.get("status")
					.asText()
					.equals("processing"));
			JsonNode last = second.api().get("/api/progress/" + taskId).json();
			assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
			assertThat(second.api().get("/api/summaries/" + created.get("summary_id").asText()).status())
				.isEqualTo(200);
			assertThat(second.api().get("/api/library").json().get("total").asLong()).isEqualTo(1);
		}
	}

	static void assertEverySequenceNumber(List<Event> events) {
		assertThat(events).isNotEmpty();
		List<Long> ids = new ArrayList<>();
		events.forEach((event) -> ids.add(Long.parseLong(event.id())));
		for (int i = 0; i < ids.size(); i++) {
			assertThat(ids.get(i)).as("event %d of %s", i, ids).isEqualTo(ids.get(0) + i);
		}
		assertThat(ids.get(0)).isEqualTo(1L);
	}

}
