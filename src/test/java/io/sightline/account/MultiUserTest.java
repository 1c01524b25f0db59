package io.sightline.account;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestDatabases;
import io.sightline.support.TestSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Multi-user mode over real HTTP: each user's tasks, progress, streams, summaries,
 * transcripts and library are theirs alone (another user's ids answer exactly as unknown
 * ones do), the API needs a token or a session, a revoked token stops working, the web
 * sign-in is CSRF-protected, and the per-user limits answer 429 with Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SightlineApplication.class, TestSources.class },
		properties = { "sightline.security.mode=multi-user", "sightline.limits.tasks-per-minute=4",
				"sightline.limits.running-per-user=2" })
class MultiUserTest {

	static final String TALK = "IO2009-The_Myth_of_the_Genius_Programmer.srt";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	Api anonymous;

	@BeforeEach
	void client() {
		this.anonymous = new Api(this.port);
	}

	@Test
	void anotherUsersTaskProgressStreamSummaryTranscriptAndLibraryEntriesAnswer404() throws IOException {
		Api alice = userWithToken("alice");
		Api bob = userWithToken("bob");
		Api.Response created = alice.upload(TALK, talk());
		assertThat(created.status()).isEqualTo(202);
		String taskId = created.json().get("task_id").asString();
		String summaryId = created.json().get("summary_id").asString();
		List<JsonNode> polls = alice.pollUntilFinished(taskId);
		assertThat(polls.get(polls.size() - 1).get("status").asString()).isEqualTo("completed");

		String unknown = UUID.randomUUID().toString();
		for (String path : List.of("/api/progress/%s", "/api/summaries/%s", "/api/summaries/%s/transcript",
				"/api/summaries/%s/questions")) {
			String id = path.startsWith("/api/progress") ? taskId : summaryId;
			Api.Response theirs = bob.get(path.formatted(id));
			Api.Response nobodys = bob.get(path.formatted(unknown));
			assertThat(theirs.status()).as(path).isEqualTo(404);
			assertThat(nobodys.status()).as(path).isEqualTo(404);
			// the same answer as for an id that does not exist, but for the id itself
			assertThat(theirs.json().get("detail").asString().replace(id, "ID"))
				.isEqualTo(nobodys.json().get("detail").asString().replace(unknown, "ID"));
		}
		assertThat(bob.openEvents(taskId).status()).isEqualTo(404);
		assertThat(bob.post("/api/progress/" + taskId + "/cancel").status()).isEqualTo(404);
		assertThat(bob.delete("/api/progress/" + taskId).status()).isEqualTo(404);
		assertThat(bob.delete("/api/summaries/" + summaryId).status()).isEqualTo(404);
		assertThat(bob.postJson("/api/summaries/" + summaryId + "/questions", "{\"question\": \"genius\"}").status())
			.isEqualTo(404);
		assertThat(bob.get("/api/library").json().get("total").asLong()).isZero();
		assertThat(bob.get("/api/library?q=" + URLEncoder.encode("genius", StandardCharsets.UTF_8))
			.json()
			.get("total")
			.asLong()).isZero();

		// nothing of alice's was touched
		assertThat(alice.get("/api/progress/" + taskId).json().get("status").asString()).isEqualTo("completed");
		assertThat(alice.get("/api/summaries/" + summaryId).status()).isEqualTo(200);
		assertThat(alice.get("/api/summaries/" + summaryId + "/transcript").status()).isEqualTo(200);
		assertThat(alice.get("/api/library?q=genius").json().get("total").asLong()).isEqualTo(1);
		assertThat(alice.events(taskId, null, Duration.ofSeconds(10))).isNotEmpty();
	}

	@Test
	void withoutATokenOrWithARevokedOneTheApiAnswers401() throws IOException {
		for (String path : List.of("/api/library", "/api/progress/" + UUID.randomUUID(),
				"/api/summaries/" + UUID.randomUUID())) {
			Api.Response refused = this.anonymous.get(path);
			assertThat(refused.status()).as(path).isEqualTo(401);
			assertThat(refused.json().get("detail").asString()).startsWith("Sign in first");
		}
		assertThat(this.anonymous.upload(TALK, talk()).status()).isEqualTo(401);
		assertThat(this.anonymous.withToken("sl_not-a-token").get("/api/library").status()).isEqualTo(401);

		this.accounts.addUser("carol", "correct horse battery", false);
		NewToken token = this.accounts.createToken("carol", "test");
		Api carol = this.anonymous.withToken(token.value());
		assertThat(carol.get("/api/library").status()).isEqualTo(200);
		this.accounts.revokeToken(token.id());
		Api.Response revoked = carol.get("/api/library");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.json().get("detail").asString()).contains("unknown or revoked");
		assertThat(revoked.header("WWW-Authenticate")).isEqualTo("Bearer");
		// the UI's files and health stay public
		assertThat(this.anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(this.anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
	}

	@Test
	void wrongPasswordsForOneNameAreSlowedDownAndTheRightOneWorksAfterTheWait() {
		this.accounts.addUser("eve", "the right password", false);
		Api.Response before = this.anonymous.get("/api/session");
		String csrf = cookie(before, "XSRF-TOKEN");
		Api browser = this.anonymous.withHeaders(Map.of("Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf));
		Api.Response last = null;
		long started = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			last = browser.postJson("/api/session", "{\"name\":\"eve\",\"password\":\"guess " + i + "\"}");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.json().get("detail").asString()).contains("Too many wrong passwords");
		long wait = Long.parseLong(last.header("Retry-After"));
		assertThat(wait).isBetween(1L, 60L);
		Api.Response tooSoon = browser.postJson("/api/session",
				"{\"name\":\"eve\",\"password\":\"the right password\"}");
		assertThat(tooSoon.status()).as("refused unread while the wait lasts").isEqualTo(429);

		Duration retryAfter = Duration.ofSeconds(Long.parseLong(tooSoon.header("Retry-After")));
		Instant allowed = Instant.now().plus(retryAfter).plusMillis(200);
		await().atMost(retryAfter.plusSeconds(5)).until(() -> Instant.now().isAfter(allowed));
		Api.Response right = browser.postJson("/api/session", "{\"name\":\"eve\",\"password\":\"the right password\"}");
		assertThat(right.status()).isEqualTo(200);
		assertThat(right.json().get("name").asString()).isEqualTo("eve");
	}

	@Test
	void theWebSignInUsesASessionAndRefusesChangesWithoutTheCsrfToken() throws IOException {
		this.accounts.addUser("dora", "a long enough secret", false);
		Api.Response before = this.anonymous.get("/api/session");
		assertThat(before.status()).isEqualTo(401);
		String csrf = cookie(before, "XSRF-TOKEN");
		assertThat(csrf).isNotBlank();
		Api browser = this.anonymous.withHeaders(Map.of("Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf));

		Api.Response wrong = browser.postJson("/api/session", "{\"name\":\"dora\",\"password\":\"not it at all\"}");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("detail").asString()).contains("name or the password is wrong");
		Api.Response withoutCsrf = this.anonymous.postJson("/api/session",
				"{\"name\":\"dora\",\"password\":\"a long enough secret\"}");
		assertThat(withoutCsrf.status()).isEqualTo(403);
		assertThat(withoutCsrf.json().get("detail").asString()).contains("CSRF");

		Api.Response signedIn = browser.postJson("/api/session",
				"{\"name\":\"dora\",\"password\":\"a long enough secret\"}");
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.json().get("name").asString()).isEqualTo("dora");
		String session = cookie(signedIn, "SESSION");
		assertThat(session).isNotBlank();
		Api dora = this.anonymous
			.withHeaders(Map.of("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf));
		assertThat(dora.get("/api/session").json().get("name").asString()).isEqualTo("dora");
		assertThat(dora.get("/api/library").status()).isEqualTo(200);
		assertThat(dora.upload(TALK, talk()).status()).isEqualTo(202);
		Api sessionWithoutCsrf = this.anonymous.withHeaders(Map.of("Cookie", "SESSION=" + session));
		Api.Response forged = sessionWithoutCsrf.upload(TALK, talk());
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.json().get("detail").asString()).contains("CSRF");

		assertThat(dora.delete("/api/session").status()).isEqualTo(204);
		assertThat(this.anonymous.withHeaders(Map.of("Cookie", "SESSION=" + session)).get("/api/library").status())
			.isEqualTo(401);
	}

	@Test
	void startingSummariesTooFastAnswers429WithRetryAfter() throws IOException {
		Api erin = userWithToken("erin");
		for (int i = 0; i < 4; i++) {
			Api.Response created = erin.upload(TALK, talk());
			assertThat(created.status()).isEqualTo(202);
			erin.pollUntilFinished(created.json().get("task_id").asString());
		}
		Api.Response refused = erin.upload(TALK, talk());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.json().get("detail").asString()).contains("4 a minute").contains("try again in");
		// another user has a bucket of their own
		assertThat(userWithToken("frank").upload(TALK, talk()).status()).isEqualTo(202);
	}

	@Test
	void tooManySummariesInProgressAnswer429WithRetryAfter() {
		Api gina = userWithToken("gina");
		String first = "held-" + UUID.randomUUID();
		String second = "held-" + UUID.randomUUID();
		JsonNode one = gina.createFromUrl("https://gated.test/" + first).json();
		JsonNode two = gina.createFromUrl("https://gated.test/" + second).json();
		try {
			Api.Response refused = gina.createFromUrl("https://gated.test/third-" + UUID.randomUUID());
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.header("Retry-After")).isEqualTo("10");
			assertThat(refused.json().get("detail").asString()).contains("2 summaries in progress");
		}
		finally {
			TestSources.open(first);
			TestSources.open(second);
		}
		gina.pollUntilFinished(one.get("task_id").asString());
		gina.pollUntilFinished(two.get("task_id").asString());
	}

	@Test
	void anAdministratorManagesUsersAndTokensOverHttpAndEachUserTheirOwn() {
		Api admin = adminWithToken("root-admin");
		Api.Response added = admin.postJson("/api/users",
				"{\"name\": \"nadia\", \"password\": \"nadia has a long password\", \"admin\": false}");
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("name").asString()).isEqualTo("nadia");
		assertThat(added.json().has("password")).isFalse();
		assertThat(admin.postJson("/api/users", "{\"name\": \"nadia\", \"password\": \"another long one\"}").status())
			.isEqualTo(409);
		assertThat(admin.postJson("/api/users", "{\"name\": \"Bad Name\", \"password\": \"long enough pw\"}").status())
			.isEqualTo(400);
		assertThat(admin.get("/api/users").json().findValuesAsString("name")).contains("nadia", "root-admin");

		Api.Response made = admin.postJson("/api/tokens", "{\"label\": \"cli\", \"user\": \"nadia\"}");
		assertThat(made.status()).isEqualTo(201);
		Api nadia = this.anonymous.withToken(made.json().get("value").asString());
		assertThat(nadia.get("/api/library").status()).isEqualTo(200);
		assertThat(nadia.get("/api/tasks").json().get("items").size()).isZero();
		assertThat(nadia.get("/api/users").status()).isEqualTo(403);
		assertThat(nadia.get("/api/tokens?user=root-admin").status()).isEqualTo(403);
		JsonNode own = nadia.get("/api/tokens").json();
		assertThat(own.findValuesAsString("label")).containsExactly("cli");
		assertThat(own.get(0).has("last_used_at")).isTrue();
		assertThat(own.get(0).has("value")).isFalse();

		Api.Response second = nadia.postJson("/api/tokens", "{\"label\": \"laptop\"}");
		assertThat(second.status()).isEqualTo(201);
		String secondId = second.json().get("id").asString();
		Api laptop = this.anonymous.withToken(second.json().get("value").asString());
		assertThat(laptop.delete("/api/tokens/" + secondId).status()).isEqualTo(200);
		assertThat(laptop.get("/api/library").status()).isEqualTo(401);

		assertThat(
				nadia
					.send("PUT", "/api/session/password", Map.of("Content-Type", "application/json"),
							"{\"current\": \"wrong\", \"password\": \"nadia's new password\"}"
								.getBytes(StandardCharsets.UTF_8))
					.status())
			.isEqualTo(400);
		assertThat(nadia
			.send("PUT", "/api/session/password", Map.of("Content-Type", "application/json"),
					"{\"current\": \"nadia has a long password\", \"password\": \"nadia's new password\"}"
						.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(204);
		assertThat(this.accounts.authenticate("nadia", "nadia's new password")).isPresent();

		assertThat(admin
			.send("PATCH", "/api/users/nadia", Map.of("Content-Type", "application/json"),
					"{\"disabled\": true}".getBytes(StandardCharsets.UTF_8))
			.json()
			.get("disabled")
			.asBoolean()).isTrue();
		assertThat(nadia.get("/api/library").status()).isEqualTo(401);
		assertThat(this.accounts.authenticate("nadia", "nadia's new password")).isEmpty();
		admin.send("PATCH", "/api/users/nadia", Map.of("Content-Type", "application/json"),
				"{\"disabled\": false, \"password\": \"reset by the admin\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(nadia.get("/api/library").status()).isEqualTo(200);
		assertThat(this.accounts.authenticate("nadia", "reset by the admin")).isPresent();
		assertThat(admin
			.send("PATCH", "/api/users/nobody", Map.of("Content-Type", "application/json"),
					"{\"disabled\": true}".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(404);
	}

	@Test
	void theActivityListHoldsTheCallersOwnRequestsWithTheirTitles() throws IOException {
		Api erin = userWithToken("activity-gina");
		Api frank = userWithToken("activity-hugo");
		String taskId = erin.upload(TALK, talk()).json().get("task_id").asString();
		erin.pollUntilFinished(taskId);
		JsonNode activity = erin.get("/api/tasks").json();
		assertThat(activity.get("running").asLong()).isZero();
		JsonNode item = activity.get("items").get(0);
		assertThat(item.get("task_id").asString()).isEqualTo(taskId);
		assertThat(item.get("title").asString()).isEqualTo("IO2009-The Myth of the Genius Programmer");
		assertThat(item.get("source").get("kind").asString()).isEqualTo("upload");
		assertThat(item.get("source").get("file_name").asString()).isEqualTo(TALK);
		assertThat(frank.get("/api/tasks").json().get("items").size()).isZero();
	}

	private Api adminWithToken(String name) {
		this.accounts.addUser(name, name + " has a long password", true);
		return this.anonymous.withToken(this.accounts.createToken(name, "test").value());
	}

	private Api userWithToken(String name) {
		this.accounts.addUser(name, name + " has a long password", false);
		return this.anonymous.withToken(this.accounts.createToken(name, "test").value());
	}

	private static String cookie(Api.Response response, String name) {
		return response.headers()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((entry) -> entry.getValue().stream())
			.filter((value) -> value.startsWith(name + "="))
			.map((value) -> value.substring(name.length() + 1, value.indexOf(';')))
			.filter((value) -> !value.isEmpty())
			.findFirst()
			.orElse(null);
	}

	private static byte[] talk() throws IOException {
		try (var in = MultiUserTest.class.getResourceAsStream("/subtitles/" + TALK)) {
			return in.readAllBytes();
		}
	}

}
