package io.sightline.flow;

import java.io.IOException;
import java.time.Duration;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestSources;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recurring expiry job removes finished tasks' records after the retention and keeps
 * their summaries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SightlineApplication.class, TestSources.class },
		properties = { "sightline.tasks.retention=2s", "sightline.tasks.expiry-interval=300ms" })
@DirtiesContext
abstract class ExpiryContract {

	@LocalServerPort
	int port;

	@Test
	void aFinishedTaskRecordExpiresAfterTheRetentionAndItsSummaryStays() throws IOException {
		Api api = new Api(this.port);
		JsonNode created = api.upload("TOS-es.srt", SummaryFlowContract.resource("/subtitles/TOS-es.srt")).json();
		String taskId = created.get("task_id").asText();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/progress/" + taskId).json().get("status").asText().equals("completed"));

		await().atMost(Duration.ofSeconds(1)).until(() -> api.get("/api/progress/" + taskId).status() == 200);
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/progress/" + taskId).status() == 404);
		assertThat(api.get("/api/progress/" + taskId).json().get("detail").asText())
			.startsWith("Task " + taskId + " not found;");
		assertThat(api.get("/api/summaries/" + created.get("summary_id").asText()).status()).isEqualTo(200);
	}

}
