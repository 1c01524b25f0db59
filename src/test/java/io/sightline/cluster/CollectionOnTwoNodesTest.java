package io.sightline.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestDatabases;
import io.sightline.support.YouTubeReplay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection on two nodes sharing one PostgreSQL database (issue 17): its videos are
 * ordinary jobs, so both nodes run them, and the collection's task on one node follows
 * them all to the end.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CollectionOnTwoNodesTest {

	static final String SCHEMA = TestDatabases.freshSchema();

	static final YouTubeReplay replay = new YouTubeReplay().withRecordedLists();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static ConfigurableApplicationContext start(String name) {
		Map<String, String> settings = new LinkedHashMap<>(TestDatabases.postgresProperties(SCHEMA));
		settings.putAll(TestDatabases.fastSettingsMap());
		settings.put("server.port", "0");
		settings.put("sightline.node-name", name);
		// two workers a node, four videos at once: one node cannot take them all
		settings.put("db-scheduler.threads", "2");
		settings.put("sightline.pipeline.collection-parallel", "4");
		settings.put("sightline.youtube.base-url", replay.baseUrl());
		settings.put("sightline.youtube.languages", "en");
		return new SpringApplicationBuilder(SightlineApplication.class).run(
				settings.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	@BeforeAll
	static void startNodes() {
		nodeA = start("node-a");
		nodeB = start("node-b");
	}

	@AfterAll
	static void stopNodes() {
		nodeB.close();
		nodeA.close();
		replay.close();
	}

	@Test
	void theVideosOfACollectionRunOnBothNodesAndItsTaskFollowsThemToTheEnd() throws Exception {
		List.of("u2ah9tWTkmk", "JgDNFQ2RaLQ", "c8zq4kAn_O0", "JaQGDSkSRRU", "aSugSGCC12I", "vBynw9Isr28", "HfWLgELllZs",
				"eWAdpUyzCkI")
			.forEach((video) -> replay.slow(video, Duration.ofMillis(700)));
		Api api = new Api(Integer.parseInt(nodeA.getEnvironment().getProperty("local.server.port")));
		JsonNode created = api.postJson("/api/summaries",
				"{\"url\": \"https://www.youtube.com/playlist?list=PLoumn5BIsUDeGF1vy5Nylf_RJKn5aL_nr\", \"limit\": 8}")
			.json();
		String collectionTask = created.get("task_id").asText();

		// which node holds each video's job while it runs
		JdbcClient jobs = JdbcClient.create(nodeA.getBean(DataSource.class));
		Map<String, Set<String>> ranOn = new ConcurrentHashMap<>();
		AtomicBoolean watching = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (watching.get()) {
				jobs.sql("SELECT task_instance, picked_by FROM scheduled_tasks WHERE task_name = 'summarize'"
						+ " AND picked = TRUE AND task_instance <> ?")
					.param(collectionTask)
					.query((rs) -> {
						ranOn.computeIfAbsent(rs.getString("picked_by"), (node) -> ConcurrentHashMap.newKeySet())
							.add(rs.getString("task_instance"));
					});
				LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			}
		});
		sampler.start();
		List<JsonNode> polls;
		try {
			polls = api.pollUntilFinished(collectionTask);
		}
		finally {
			watching.set(false);
			sampler.join();
		}

		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("stage").asText()).isEqualTo("8 of 8 summarized");
		assertThat(ranOn.keySet()).as("videos ran on both nodes: %s", ranOn)
			.containsExactlyInAnyOrder("node-a", "node-b");
		JsonNode items = new Api(Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port")))
			.get("/api/collections/" + created.get("collection_id").asText())
			.json()
			.get("items");
		assertThat(items).hasSize(8)
			.allSatisfy((item) -> assertThat(item.get("status").asText()).isEqualTo("completed"));
	}

}
