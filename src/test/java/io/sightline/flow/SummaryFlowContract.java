package io.sightline.flow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.library.Library;
import io.sightline.pipeline.SummarizeJob.JobQueue;
import io.sightline.source.Segment;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.support.Api;
import io.sightline.support.Api.Event;
import io.sightline.support.TestSources;
import io.sightline.system.Owners;
import io.sightline.system.Words;
import io.sightline.task.Task;
import io.sightline.task.TaskSource;
import io.sightline.task.Tasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow over real HTTP, against whichever database the concrete class sets up:
 * the same tests run on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SightlineApplication.class, TestSources.class }, properties = "sightline.progress.keep-alive=300ms")
abstract class SummaryFlowContract {

	static final String TALK = "IO2009-The_Myth_of_the_Genius_Programmer.srt";

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	@Test
	void uploadedSubtitlesBecomeASummaryWhileProgressNeverGoesDown() throws IOException {
		Api.Response created = this.api.upload(TALK, resource("/subtitles/" + TALK));
		assertThat(created.status()).isEqualTo(202);
		String taskId = created.json().get("task_id").asText();
		String summaryId = created.json().get("summary_id").asText();
		assertThat(created.json().get("status_url").asText()).isEqualTo("/api/progress/" + taskId);
		assertThat(created.json().get("events_url").asText()).isEqualTo("/api/progress/" + taskId + "/events");

		List<JsonNode> polls = pollUntilFinished(taskId);
		assertProgressNeverGoesDown(polls);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("completed");
		assertThat(last.get("progress").asInt()).isEqualTo(100);
		assertThat(last.get("summary_id").asText()).isEqualTo(summaryId);
		polls.stream()
			.filter((poll) -> poll.get("progress").asInt() == 100)
			.forEach((poll) -> assertThat(poll.get("status").asText()).isEqualTo("completed"));

		JsonNode summary = this.api.get("/api/summaries/" + summaryId).json();
		int duration = summary.get("duration_seconds").asInt();
		assertThat(duration).isBetween(3000, 3400);
		assertThat(summary.get("summary_markdown").asText()).contains("TL;DR").contains("## Key points");
		assertThat(summary.get("key_points").size()).isGreaterThanOrEqualTo(5);
		for (JsonNode point : summary.get("key_points")) {
			assertThat(point.get("start_seconds").asDouble()).isBetween(0.0, (double) duration);
			assertThat(point.get("text").asText()).isNotBlank();
		}
		assertThat(summary.get("summarizer").asText()).isEqualTo("extractive");
		assertThat(summary.get("source_type").asText()).isEqualTo("upload");
		assertThat(summary.get("transcript_chars").asInt()).isGreaterThan(50_000);

		JsonNode transcript = this.api.get("/api/summaries/" + summaryId + "/transcript").json();
		assertThat(transcript.size()).isGreaterThan(1500);
		assertThat(transcript.get(0).get("start_seconds").asDouble()).isGreaterThanOrEqualTo(0);
		assertThat(transcript.get(0).has("duration_seconds")).isTrue();
	}

	@Test
	void eventsSendTheCurrentStateFirstThenEachChangeAndEndAfterTheTerminalOne() {
		String gate = UUID.randomUUID().toString();
		String taskId = this.api.createFromUrl("https://gated.test/" + gate).json().get("task_id").asText();
		await().until(() -> this.api.get("/api/progress/" + taskId)
			.json()
			.get("stage")
			.asText()
			.startsWith("Reading the transcript"));
		CountDownLatch subscribed = new CountDownLatch(1);
		CompletableFuture<List<Event>> stream = CompletableFuture.supplyAsync(
				() -> this.api.events(taskId, null, Duration.ofSeconds(60), (event) -> subscribed.countDown()));
		// the first event is sent once the subscription is in place, so no later change
		// can be missed
		await().atMost(Duration.ofSeconds(10)).until(() -> subscribed.getCount() == 0);
		TestSources.open(gate);
		List<Event> events = stream.join();

		assertThat(events).isNotEmpty();
		assertThat(events.get(0).data().get("stage").asText()).startsWith("Reading the transcript");
		assertThat(events.get(0).data().get("status").asText()).isEqualTo("processing");
		assertConsecutiveIds(events);
		Event last = events.get(events.size() - 1);
		assertThat(last.data().get("status").asText()).isEqualTo("completed");
		assertThat(last.name()).isEqualTo("progress");
		assertThat(events).hasSizeGreaterThan(2);

		long resumeAfter = Long.parseLong(events.get(0).id());
		List<Event> resumed = this.api.events(taskId, Long.toString(resumeAfter), Duration.ofSeconds(30));
		assertThat(resumed).extracting(Event::id)
			.containsExactlyElementsOf(events.subList(1, events.size()).stream().map(Event::id).toList());

		List<Event> afterEnd = this.api.events(taskId, last.id(), Duration.ofSeconds(10));
		assertThat(afterEnd).isEmpty();
		List<Event> fresh = this.api.events(taskId, null, Duration.ofSeconds(10));
		assertThat(fresh).singleElement().satisfies((event) -> assertThat(event.id()).isEqualTo(last.id()));
	}

	@Test
	void idleStreamsGetKeepAliveComments() throws Exception {
		String gate = UUID.randomUUID().toString();
		String taskId = this.api.createFromUrl("https://gated.test/" + gate).json().get("task_id").asText();
		try {
			HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/progress/" + taskId + "/events"))
					.timeout(Duration.ofSeconds(20))
					.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			assertThat(response.body().filter((line) -> line.startsWith(":")).findFirst())
				.hasValueSatisfying((comment) -> assertThat(comment).contains("keep-alive"));
		}
		finally {
			TestSources.open(gate);
		}
	}

	@Test
	void aTransientFailureIsRetriedWithBackoffAndResumesAtTheStageThatFailed() {
		String url = "https://flaky.test/" + UUID.randomUUID();
		String taskId = this.api.createFromUrl(url).json().get("task_id").asText();
		List<JsonNode> polls = pollUntilFinished(taskId);

		assertProgressNeverGoesDown(polls);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("completed");
		assertThat(last.get("attempt").asInt()).isEqualTo(2);
		assertThat(polls).anySatisfy((poll) -> {
			assertThat(poll.get("phase").asText()).isEqualTo("retrying");
			assertThat(poll.at("/retry/attempt").asInt()).isEqualTo(2);
			assertThat(poll.at("/retry/next_at").isTextual()).isTrue();
			assertThat(poll.get("attempt").asInt()).isEqualTo(2);
		});
		assertThat(last.get("failure").isNull()).isTrue();
		assertThat(last.get("retry").isNull()).isTrue();
		assertThat(TestSources.METADATA_CALLS.get(url).get()).isEqualTo(1);
		assertThat(this.api.get("/api/summaries/" + last.get("summary_id").asText()).status()).isEqualTo(200);
	}

	@Test
	void aTaskWhoseRunsKeepBeingCutOffEndsInterruptedInsteadOfRunningAgain(@Autowired Tasks tasks,
			@Autowired JobQueue jobs, @Autowired JdbcClient jdbc) {
		Task task = tasks.create(Owners.LOCAL,
				new TaskSource(TaskSource.Kind.URL, "https://example.com/" + UUID.randomUUID(), null, null, null, null),
				null, "Queued");
		// two earlier runs of its first attempt were cut off with their process
		jdbc.sql("UPDATE tasks SET runs = 2 WHERE id = ?").param(task.id()).update();
		jobs.enqueue(task.id());

		List<JsonNode> polls = pollUntilFinished(task.id().toString());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("error");
		assertThat(last.at("/failure/kind").asText()).isEqualTo("interrupted");
		assertThat(last.at("/failure/code").asText()).isEqualTo("task.crashed");
		assertThat(last.at("/failure/retryable").asBoolean()).isTrue();
		assertThat(this.api.get("/api/summaries/" + last.get("summary_id").asText()).status()).isEqualTo(404);
	}

	@Test
	void aPermanentFailureEndsTheTaskAtOnceWithItsSentence() {
		String taskId = this.api.createFromUrl("https://broken.test/" + UUID.randomUUID())
			.json()
			.get("task_id")
			.asText();
		List<JsonNode> polls = pollUntilFinished(taskId);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("error");
		assertThat(last.at("/failure/kind").asText()).isEqualTo("permanent");
		assertThat(last.at("/failure/code").asText()).isEqualTo("youtube.private");
		assertThat(last.at("/failure/retryable").asBoolean()).isFalse();
		assertThat(last.get("error").asText()).isEqualTo(TestSources.PERMANENT_SENTENCE);
		assertThat(last.get("attempt").asInt()).isEqualTo(1);
		assertThat(last.get("progress").asInt()).isLessThan(100);
		assertThat(this.api.get("/api/summaries/" + last.get("summary_id").asText()).status()).isEqualTo(404);
	}

	@Test
	void aWebAddressThatCannotBeReadIsAcceptedAndFailsWithASentence() {
		Api.Response created = this.api.createFromUrl("https://nowhere.invalid/some/article");
		assertThat(created.status()).isEqualTo(202);
		List<JsonNode> polls = pollUntilFinished(created.json().get("task_id").asText());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("error");
		assertThat(last.at("/failure/code").asText()).isEqualTo("fetch.unknown_host");
		assertThat(last.get("error").asText())
			.isEqualTo("The host name nowhere.invalid could not be found; check the address.");
		assertThat(last.get("attempt").asInt()).isEqualTo(1);
	}

	@Test
	void cancelStopsARunningTaskAndNoSummaryIsStored() {
		String gate = UUID.randomUUID().toString();
		JsonNode created = this.api.createFromUrl("https://gated.test/" + gate).json();
		String taskId = created.get("task_id").asText();
		await().until(() -> this.api.get("/api/progress/" + taskId)
			.json()
			.get("stage")
			.asText()
			.startsWith("Reading the transcript"));

		Api.Response busyDelete = this.api.delete("/api/progress/" + taskId);
		assertThat(busyDelete.status()).isEqualTo(409);
		assertThat(busyDelete.json().get("detail").asText()).contains("cancel");

		Api.Response cancelled = this.api.post("/api/progress/" + taskId + "/cancel");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
		TestSources.open(gate);

		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> {
			JsonNode now = this.api.get("/api/progress/" + taskId).json();
			return now.get("status").asText().equals("cancelled");
		});
		assertThat(this.api.get("/api/summaries/" + created.get("summary_id").asText()).status()).isEqualTo(404);
		JsonNode again = this.api.post("/api/progress/" + taskId + "/cancel").json();
		assertThat(again.get("status").asText()).isEqualTo("cancelled");
		assertThat(again.get("phase").asText()).isEqualTo("done");
		assertThat(again.at("/failure/kind").asText()).isEqualTo("cancelled");
		assertThat(again.at("/failure/code").asText()).isEqualTo("task.cancelled");
	}

	@Test
	void unknownAndMalformedTaskIdsAnswer404And400() {
		UUID unknown = UUID.randomUUID();
		Api.Response missing = this.api.get("/api/progress/" + unknown);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.json().get("detail").asText()).startsWith("Task " + unknown + " not found;");
		assertThat(this.api.get("/api/progress/not-a-uuid").status()).isEqualTo(400);
		assertThat(this.api.get("/api/progress/not-a-uuid").json().get("detail").asText()).contains("not a valid id");
		assertThat(this.api.delete("/api/progress/" + unknown).status()).isEqualTo(404);
		assertThat(this.api.post("/api/progress/" + unknown + "/cancel").status()).isEqualTo(404);
		assertThat(this.api.get("/api/summaries/" + unknown).status()).isEqualTo(404);
	}

	@Test
	void aPollAnsweredFromMemoryIsTheSameAsOneReadFromTheDatabase() throws IOException {
		String taskId = this.api.upload("TOS-en.srt", resource("/subtitles/TOS-en.srt")).json().get("task_id").asText();
		List<Event> events = this.api.events(taskId, null, Duration.ofSeconds(60));
		assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("completed");

		// nothing has polled it yet: the first answer is read from the database, the
		// second from memory
		Api.Response read = this.api.get("/api/progress/" + taskId);
		Api.Response remembered = this.api.get("/api/progress/" + taskId);

		assertThat(remembered.status()).isEqualTo(200);
		assertThat(remembered.body()).isEqualTo(read.body());
		for (String header : List.of("Content-Type", "Content-Length", "X-Content-Type-Options", "Cache-Control")) {
			assertThat(remembered.header(header)).as(header).isEqualTo(read.header(header));
		}
		assertThat(remembered.header("Content-Type")).isEqualTo("application/json");
		Api.Response uppercase = this.api.get("/api/progress/" + taskId.toUpperCase(Locale.ROOT));
		assertThat(uppercase.body()).isEqualTo(read.body());
		Api.Response html = this.api.send("GET", "/api/progress/" + taskId, Map.of("Accept", "text/html"), null);
		assertThat(html.status()).isEqualTo(406);
	}

	@Test
	void uploadsMadeOfOneCharacterRepeatedAreAnsweredAndEndWithASummaryOrASentence() {
		String cue = "1\n00:00:01,000 --> 00:00:04,000\n";
		Map<String, String> uploads = Map.of("brackets.md", "hello world. " + "[".repeat(200_000), "quotes.srt",
				cue + "‹".repeat(100_000) + "\n", "links.md", "hello world. " + "[](".repeat(20_000), "stutter.txt",
				"the ".repeat(100_000) + "end.");
		uploads.forEach((name, content) -> {
			Api.Response created = this.api.upload(name, content.getBytes(StandardCharsets.UTF_8));
			assertThat(created.status()).as(name).isIn(202, 400);
			if (created.status() == 202) {
				List<JsonNode> polls = pollUntilFinished(created.json().get("task_id").asText());
				JsonNode end = polls.get(polls.size() - 1);
				assertThat(end.get("status").asText()).as(name).isIn("completed", "error");
				if (end.get("status").asText().equals("error")) {
					assertThat(end.get("error").asText()).as(name).endsWith(".");
				}
			}
			else {
				assertThat(created.json().get("detail").asText()).as(name).endsWith(".");
			}
		});
	}

	@Test
	void deletingAFinishedTaskCleansItsRecordButKeepsItsSummary() throws IOException {
		JsonNode created = this.api.upload("TOS-en.srt", resource("/subtitles/TOS-en.srt")).json();
		String taskId = created.get("task_id").asText();
		pollUntilFinished(taskId);

		Api.Response cleaned = this.api.delete("/api/progress/" + taskId);
		assertThat(cleaned.status()).isEqualTo(200);
		assertThat(cleaned.json().get("status").asText()).isEqualTo("cleaned");
		assertThat(this.api.delete("/api/progress/" + taskId).status()).isEqualTo(404);
		assertThat(this.api.get("/api/progress/" + taskId).status()).isEqualTo(404);
		assertThat(this.api.get("/api/summaries/" + created.get("summary_id").asText()).status()).isEqualTo(200);
	}

	@Test
	void theLibraryListsSearchesAndDeletesSummaries() throws IOException {
		JsonNode created = this.api.upload("Tears_of_Steel_de.srt", resource("/subtitles/TOS-de.srt")).json();
		pollUntilFinished(created.get("task_id").asText());
		String summaryId = created.get("summary_id").asText();

		JsonNode page = this.api.get("/api/library?q=tears%20of%20steel&size=5").json();
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(summaryId);
		assertThat(page.get("items").get(0).get("title").asText()).isEqualTo("Tears of Steel de");
		assertThat(page.get("size").asInt()).isEqualTo(5);
		assertThat(
				this.api.get("/api/library?q=no-such-words-anywhere-" + UUID.randomUUID()).json().get("total").asLong())
			.isZero();
		assertThat(this.api.get("/api/library?q=100%25_").status()).isEqualTo(200);
		assertThat(this.api.get("/api/library?size=1000").status()).isEqualTo(400);

		assertThat(this.api.delete("/api/summaries/" + summaryId).status()).isEqualTo(204);
		assertThat(this.api.get("/api/summaries/" + summaryId).status()).isEqualTo(404);
		assertThat(this.api.get("/api/summaries/" + summaryId + "/transcript").status()).isEqualTo(404);
		assertThat(this.api.delete("/api/summaries/" + summaryId).status()).isEqualTo(404);
	}

	@Test
	void searchFindsEveryWordAnywhereWithAHighlightedSnippetAndSummariesOfOneSourceAreOneEntry(
			@Autowired JdbcClient jdbc) {
		String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String text = "Douglas Crockford talks about the language of the web. JavaScript has good parts, and it has "
				+ "some awful parts too. The good parts are functions, loose typing and object literals. Avoid the "
				+ "global variables, they are the worst part of JavaScript. " + marker + " closes the talk with "
				+ "a word about style. Style matters because programs are read by people.";
		String name = "JavaScript TheGoodParts " + marker + ".txt";
		JsonNode first = this.api.upload(name, text.getBytes(StandardCharsets.UTF_8)).json();
		pollUntilFinished(first.get("task_id").asText());
		String firstId = first.get("summary_id").asText();

		for (String query : List.of("javascript good parts", "parts good", "GOOD  part", "javascr " + marker)) {
			JsonNode found = this.api.get("/api/library?q=" + query.replace(" ", "%20") + "&size=100").json();
			assertThat(found.get("items").findValuesAsString("id")).as(query).contains(firstId);
		}
		JsonNode hit = entry(this.api.get("/api/library?q=awful%20parts&size=100").json(), firstId);
		JsonNode snippet = hit.get("snippet");
		String snippetText = snippet.get("text").asText();
		List<String> marked = new ArrayList<>();
		snippet.get("highlights")
			.forEach((h) -> marked.add(snippetText.substring(h.get("start").asInt(), h.get("end").asInt())));
		assertThat(marked).extracting((word) -> word.toLowerCase(Locale.ROOT)).contains("awful", "parts");
		assertThat(this.api.get("/api/library?q=parts%20nowhere" + marker).json().get("total").asLong()).isZero();

		JsonNode again = this.api.upload(name, text.getBytes(StandardCharsets.UTF_8)).json();
		pollUntilFinished(again.get("task_id").asText());
		String secondId = again.get("summary_id").asText();
		JsonNode listed = this.api.get("/api/library?q=" + marker).json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(secondId);
		assertThat(listed.get("items").get(0).get("version_count").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/summaries/" + secondId + "/versions").json().findValuesAsString("id"))
			.containsExactly(secondId, firstId);

		Api.Response renamed = this.api.send("PATCH", "/api/summaries/" + secondId,
				Map.of("Content-Type", "application/json"),
				"{\"title\": \"Crockford on style\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("title").asText()).isEqualTo("Crockford on style");
		assertThat(this.api.get("/api/library?q=crockford%20" + marker).json().get("items").findValuesAsString("id"))
			.containsExactly(secondId);
		assertThat(this.api
			.send("PATCH", "/api/summaries/" + secondId, Map.of("Content-Type", "application/json"),
					"{\"title\": \" \"}".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(400);

		assertThat(this.api.get("/api/library?q=" + marker + "&type=upload").json().get("total").asLong()).isEqualTo(1);
		assertThat(this.api.get("/api/library?q=" + marker + "&type=youtube").json().get("total").asLong()).isZero();
		assertThat(this.api.get("/api/library?q=" + marker + "&summarizer=llm").json().get("total").asLong()).isZero();
		assertThat(this.api.get("/api/library?q=" + marker + "&since=2999-01-01").json().get("total").asLong())
			.isZero();
		assertThat(this.api.get("/api/library?sort=title&size=5").status()).isEqualTo(200);
		assertProblem(this.api.get("/api/library?sort=sideways"), 400, "sort");
		assertProblem(this.api.get("/api/library?since=yesterday"), 400, "since");
	}

	@Test
	void summariesStoredBeforeTheSearchIndexAreIndexedWhenTheServerStarts(@Autowired JdbcClient jdbc,
			@Autowired Library library) {
		String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String text = "An older summary about " + marker + " and the rivers of the north. The rivers freeze in"
				+ " winter and thaw in spring. Boats wait for the ice to go before they sail again.";
		JsonNode created = this.api.upload("Rivers " + marker + ".txt", text.getBytes(StandardCharsets.UTF_8)).json();
		pollUntilFinished(created.get("task_id").asText());
		UUID id = UUID.fromString(created.get("summary_id").asText());
		// as an earlier version stored it: no terms, no keys
		jdbc.sql("DELETE FROM summary_terms WHERE summary_id = ?").param(id).update();
		jdbc.sql("UPDATE summaries SET search_indexed = FALSE, source_key = NULL, version_key = NULL WHERE id = ?")
			.param(id)
			.update();
		assertThat(this.api.get("/api/library?q=" + marker).json().get("total").asLong()).isZero();

		assertThat(library.indexMissing()).isPositive();
		JsonNode found = this.api.get("/api/library?q=" + marker + "%20thaw").json();
		assertThat(found.get("items").findValuesAsString("id")).containsExactly(id.toString());
		assertThat(found.get("items").get(0).get("version_count").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT version_key FROM summaries WHERE id = ?").param(id).query(String.class).single())
			.hasSize(64);
	}

	private static JsonNode entry(JsonNode page, String id) {
		for (JsonNode item : page.get("items")) {
			if (item.get("id").asText().equals(id)) {
				return item;
			}
		}
		throw new AssertionError(id + " is not on the page " + page);
	}

	@Test
	void badInputAnswers4xxWithASentence() {
		assertProblem(this.api.upload("empty.srt", new byte[0]), 400, "empty");
		assertProblem(this.api.upload("talk.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)), 415, ".srt");
		assertProblem(this.api.upload("binary.txt", new byte[] { 1, 0, 2, 0, 3 }), 400, "binary");
		assertProblem(this.api.upload("latin1.txt", new byte[] { 'c', 'a', 'f', (byte) 0xE9 }), 400, "UTF-8");
		assertThat(this.api.upload("latin1.txt", new byte[] { 'c', 'a', 'f', (byte) 0xE9 }).json().get("code").asText())
			.isEqualTo("upload.not_utf8");
		assertThat(this.api.createFromUrl("http://127.0.0.1:9/admin").json().get("code").asText())
			.isEqualTo("fetch.private_address");
		assertProblem(this.api.upload("broken.srt", "1\nnot a timing\nhello\n".getBytes(StandardCharsets.UTF_8)), 400,
				"cue");
		assertProblem(
				this.api.upload("notes.txt", "Teams beat lone geniuses.".getBytes(StandardCharsets.UTF_8),
						Map.of("summarizer", "extractive", "summary_language", "de")),
				400, "choose the llm summarizer");
		assertProblem(this.api.upload("notes.txt", "Teams beat lone geniuses.".getBytes(StandardCharsets.UTF_8),
				Map.of("summary_language", "german")), 400, "two-letter");
		assertProblem(this.api.postJson("/api/summaries",
				"{\"url\": \"https://example.com/a\", \"summarizer\": \"extractive\", \"summary_language\": \"fr\"}"),
				400, "cannot translate");
		assertThat(this.api
			.upload("notes.txt", "Teams beat lone geniuses.".getBytes(StandardCharsets.UTF_8),
					Map.of("summary_language", "auto"))
			.status()).isEqualTo(202);
		assertThat(this.api
			.upload("notes.txt", "Teams beat lone geniuses.".getBytes(StandardCharsets.UTF_8),
					Map.of("language", "de", "summary_language", "de"))
			.status()).as("the transcript's own language").isEqualTo(202);
		assertProblem(this.api.createFromUrl("ftp://example.com/file"), 400, "http");
		assertProblem(this.api.createFromUrl("not a url at all"), 400, "");
		assertProblem(this.api.postJson("/api/summaries", "{\"url\": "), 400, "JSON");
		assertProblem(this.api.postJson("/api/summaries", "{}"), 400, "url");
		assertProblem(this.api.postJson("/api/summaries", "{\"url\": \"https://example.com\", \"length\": \"huge\"}"),
				400, "length");
		assertProblem(
				this.api.postJson("/api/summaries", "{\"url\": \"https://example.com\", \"summarizer\": \"gpt\"}"), 400,
				"summarizer");
		assertProblem(
				this.api.postJson("/api/summaries", "{\"url\": \"https://example.com\", \"summarizer\": \"llm\"}"), 400,
				"The llm summarizer needs a model and this server has none configured; set spring.ai.openai.base-url");
		assertProblem(
				this.api.upload(TALK, "1\n00:00:01,000 --> 00:00:02,000\nhello\n".getBytes(StandardCharsets.UTF_8),
						Map.of("summarizer", "llm")),
				400, "spring.ai.openai.chat.options.model");
		assertProblem(this.api.postJson("/api/summaries", "{\"url\": 42}"), 400, "");
		assertProblem(this.api.get("/api/library?page=abc"), 400, "page");
		assertProblem(this.api.get("/api/library?page=-1"), 400, "page");
		assertProblem(this.api.delete("/api/library"), 405, "/v3/api-docs");
		assertProblem(this.api.get("/api/no-such-thing"), 404, "/v3/api-docs");
		assertProblem(this.api.get("/api/progress/" + UUID.randomUUID() + "/events"), 404, "not found");
	}

	@Test
	void aSubtitleFileWithSomeMalformedCuesIsSummarizedAndSaysSo() {
		String srt = "1\n00:00:01,000 --> 00:00:04,000\nReliable systems need careful thinking about failure and retries.\n\n"
				+ "2\nthis timing is broken\nLost words.\n\n"
				+ "3\n00:00:05,000 --> 00:00:09,000\nExponential backoff with jitter spreads retries over time nicely.\n\n"
				+ "4\n00:00:10,000 --> 00:00:14,000\nIdempotent operations make retries safe because repeating changes nothing.\n";
		JsonNode created = this.api.upload("partly-broken.srt", srt.getBytes(StandardCharsets.UTF_8)).json();
		pollUntilFinished(created.get("task_id").asText());
		JsonNode summary = this.api.get("/api/summaries/" + created.get("summary_id").asText()).json();
		assertThat(summary.get("summary_markdown").asText()).contains("1 malformed cue(s) in the file were skipped");
	}

	@Test
	void aTranscriptLongerThanTheWordCapCompletesAndSaysWhereItWasCut() throws IOException {
		String talk = String.join(" ",
				TranscriptParser
					.parse(UploadFormat.SRT, new String(resource("/subtitles/" + TALK), StandardCharsets.UTF_8))
					.segments()
					.stream()
					.map(Segment::text)
					.toList());
		StringBuilder text = new StringBuilder();
		int perCopy = Words.count(talk);
		for (int copies = 0; copies * perCopy < 350_000; copies++) {
			text.append(talk).append("\n\n");
		}
		int total = Words.count(text.toString());
		assertThat(total).isGreaterThanOrEqualTo(350_000);

		JsonNode created = this.api.upload("long-notes.txt", text.toString().getBytes(StandardCharsets.UTF_8)).json();
		List<JsonNode> polls = pollUntilFinished(created.get("task_id").asText());

		assertThat(polls.get(polls.size() - 1).get("status").asText()).isEqualTo("completed");
		JsonNode summary = this.api.get("/api/summaries/" + created.get("summary_id").asText()).json();
		assertThat(summary.get("summary_markdown").asText()).contains(String.format(Locale.ROOT,
				"The transcript has %,d words; only the first 300,000 were summarized.", total));
	}

	@Test
	void aRecordingIsRefusedWithTheSettingToMakeWhenTheServerCannotTranscribe() {
		byte[] mp3 = { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0 };
		Api.Response refused = this.api.upload("episode.mp3", mp3);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("code").asText()).isEqualTo("asr.not_configured");
		assertThat(refused.json().get("detail").asText())
			.startsWith("This server cannot transcribe recordings: set"
					+ " sightline.asr.base-url to a transcription endpoint")
			.endsWith("; or upload the transcript instead.");
	}

	@Test
	void aQuestionAboutTheTalkIsAnsweredWithPassagesInsideItAndKeptInTheConversation() throws IOException {
		Api.Response created = this.api.upload(TALK, resource("/subtitles/" + TALK));
		String summaryId = created.json().get("summary_id").asText();
		pollUntilFinished(created.json().get("task_id").asText());
		int duration = this.api.get("/api/summaries/" + summaryId).json().get("duration_seconds").asInt();

		Api.Response answered = this.api.postJson("/api/summaries/" + summaryId + "/questions",
				"{\"question\": \"What do they say about code reviews and criticism?\"}");
		assertThat(answered.status()).isEqualTo(200);
		JsonNode answer = answered.json();
		assertThat(answer.get("from_model").asBoolean()).as("no model on this server").isFalse();
		assertThat(answer.get("answer").asText()).startsWith("The transcript says: [");
		assertThat(answer.get("passages")).isNotEmpty().hasSizeLessThanOrEqualTo(5).allSatisfy((passage) -> {
			assertThat(passage.get("start_seconds").asDouble()).isBetween(0.0, (double) duration);
			assertThat(passage.get("text").asText().toLowerCase(Locale.ROOT)).containsAnyOf("review", "critic");
		});
		JsonNode conversation = this.api.get("/api/summaries/" + summaryId + "/questions").json();
		assertThat(conversation).singleElement()
			.satisfies((entry) -> assertThat(entry.get("id").asText()).isEqualTo(answer.get("id").asText()));

		assertProblem(this.api.postJson("/api/summaries/" + summaryId + "/questions", "{\"question\": \" \"}"), 400,
				"question");
		assertThat(this.api.postJson("/api/summaries/" + UUID.randomUUID() + "/questions", "{\"question\": \"x\"}")
			.status()).isEqualTo(404);
	}

	@Test
	void readinessDependsOnTheDatabaseAndLivenessDoesNot(@Autowired HealthEndpointGroups groups) {
		assertThat(groups.get("readiness").isMember("db")).isTrue();
		assertThat(groups.get("liveness").isMember("db")).isFalse();
	}

	@Test
	void operationsEndpointsAnswer() {
		JsonNode capabilities = this.api.get("/api/capabilities").json();
		assertThat(capabilities.get("summarizers").findValuesAsString("name")).containsExactly("extractive");
		assertThat(capabilities.get("model").asBoolean()).isFalse();
		assertThat(capabilities.get("speech_to_text").asBoolean()).isFalse();
		assertThat(capabilities.get("lengths").valueStream().map(JsonNode::asString)).contains("short", "long");
		assertThat(capabilities.get("default_summarizer").asString()).isEqualTo("extractive");
		assertThat(this.api.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/liveness").status()).isEqualTo(200);
		JsonNode openApi = this.api.get("/v3/api-docs").json();
		assertThat(openApi.get("paths").has("/api/progress/{taskId}")).isTrue();
		assertThat(openApi.get("paths").has("/api/summaries")).isTrue();
		assertThat(openApi.get("paths").has("/api/library")).isTrue();
		this.api.createFromUrl("https://flaky.test/" + UUID.randomUUID());
		await().untilAsserted(() -> assertThat(this.api.get("/actuator/prometheus").body())
			.contains("sightline_tasks{status=\"processing\"}")
			.contains("sightline_stage_duration_seconds_count")
			.contains("sightline_task_retries_total"));
	}

	List<JsonNode> pollUntilFinished(String taskId) {
		return this.api.pollUntilFinished(taskId);
	}

	static void assertProgressNeverGoesDown(List<JsonNode> polls) {
		int previous = 0;
		for (JsonNode poll : polls) {
			int progress = poll.get("progress").asInt();
			assertThat(progress).as("progress after %d", previous).isGreaterThanOrEqualTo(previous);
			previous = progress;
		}
	}

	static void assertConsecutiveIds(List<Event> events) {
		for (int i = 1; i < events.size(); i++) {
			assertThat(Long.parseLong(events.get(i).id())).isEqualTo(Long.parseLong(events.get(i - 1).id()) + 1);
		}
	}

	static void assertProblem(Api.Response response, int status, String detailContains) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asText()).isNotBlank().containsIgnoringCase(detailContains);
	}

	static byte[] resource(String path) throws IOException {
		try (InputStream in = SummaryFlowContract.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IOException("missing test resource " + path);
			}
			return in.readAllBytes();
		}
	}

}
