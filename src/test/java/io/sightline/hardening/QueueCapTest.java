package io.sightline.hardening;

import java.util.UUID;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestDatabases;
import io.sightline.support.TestSources;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full queue answers 503 with Retry-After, in the default single-user mode, and frees
 * up again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SightlineApplication.class, TestSources.class }, properties = "sightline.limits.queue-size=1")
class QueueCapTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void aFullQueueAnswers503WithRetryAfterUntilATaskFinishes() {
		Api api = new Api(this.port);
		String gate = "queue-" + UUID.randomUUID();
		String held = api.createFromUrl("https://gated.test/" + gate).json().get("task_id").asString();
		Api.Response refused = api.createFromUrl("https://gated.test/second-" + UUID.randomUUID());
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isEqualTo("30");
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("The server's queue is full (1 summary in progress); try again in a minute.");
		TestSources.open(gate);
		api.pollUntilFinished(held);
		String next = "next-" + UUID.randomUUID();
		assertThat(api.createFromUrl("https://gated.test/" + next).status()).isEqualTo(202);
		TestSources.open(next);
	}

}
