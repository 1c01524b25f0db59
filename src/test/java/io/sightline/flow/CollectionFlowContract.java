package io.sightline.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.YouTubeReplay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Playlists and channels end to end (issue 17): a collection's task reads the list, makes
 * one task per item and follows them; its bar is theirs, weighted, rising to 100; a
 * failed item is listed, a cancel reaches the items still running or waiting. YouTube is
 * the replay of recorded 2026 answers: the list from NewPipeExtractor's recordings, every
 * video from the recorded captions flow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
abstract class CollectionFlowContract {

	static final YouTubeReplay replay = new YouTubeReplay().withRecordedLists();

	static final String PLAYLIST = "https://www.youtube.com/playlist?list=PLoumn5BIsUDeGF1vy5Nylf_RJKn5aL_nr";

	/** The first videos of the recorded playlist, in its order. */
	static final List<String> FIRST_VIDEOS = List.of("u2ah9tWTkmk", "JgDNFQ2RaLQ", "c8zq4kAn_O0", "JaQGDSkSRRU");

	static final String CHANNEL = "https://www.youtube.com/user/creativecommons";

	@LocalServerPort
	int port;

	Api api;

	static void sources(DynamicPropertyRegistry registry) {
		replay.serveAsYouTube(registry);
	}

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	@Test
	void aPlaylistBecomesACollectionOfItsFirstVideosInOrderWhoseBarRisesTo100() {
		Api.Response created = this.api.postJson("/api/summaries", "{\"url\": \"" + PLAYLIST + "\", \"limit\": 4}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String taskId = created.json().get("task_id").asText();
		String collectionId = created.json().get("collection_id").asText();
		assertThat(created.json().has("summary_id")).isFalse();
		assertThat(created.json().get("collection_url").asText()).isEqualTo("/api/collections/" + collectionId);
		// its address answers at once, before the list is read
		JsonNode early = this.api.get("/api/collections/" + collectionId).json();
		assertThat(early.get("task_id").asText()).isEqualTo(created.json().get("task_id").asText());
		assertThat(early.get("url").asText()).isEqualTo(PLAYLIST);

		List<JsonNode> polls = this.api.pollUntilFinished(taskId);
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("stage").asText()).isEqualTo("4 of 4 summarized");
		assertThat(last.get("collection_id").asText()).isEqualTo(collectionId);
		assertThat(last.get("summary_id").isNull()).isTrue();

		List<Integer> bar = this.api.events(taskId, "0", Duration.ofSeconds(10))
			.stream()
			.map((event) -> event.data().get("progress").asInt())
			.toList();
		assertThat(bar).isSorted().last().isEqualTo(100);
		assertThat(bar).as("it moved on the way").hasSizeGreaterThan(2);

		JsonNode collection = this.api.get("/api/collections/" + collectionId).json();
		assertThat(collection.get("kind").asText()).isEqualTo("playlist");
		assertThat(collection.get("title").asText()).startsWith("TOP 150 Songs 2026");
		assertThat(collection.get("task_id").asText()).isEqualTo(taskId);
		assertThat(collection.get("completed_at").isNull()).isFalse();
		assertThat(collection.get("listed_at").isNull()).isFalse();
		JsonNode items = collection.get("items");
		assertThat(items).hasSize(4);
		IntStream.range(0, 4).forEach((i) -> {
			JsonNode item = items.get(i);
			assertThat(item.get("position").asInt()).isEqualTo(i + 1);
			assertThat(item.get("url").asText()).isEqualTo("https://www.youtube.com/watch?v=" + FIRST_VIDEOS.get(i));
			assertThat(item.get("status").asText()).isEqualTo("completed");
		});
		// two at most (the first two may be linked from the library, if another test
		// summarized them)
		assertThat(mostRunningAtOnce(items)).as("sightline.pipeline.collection-parallel").isBetween(1, 2);

		Api.Response markdown = this.api.get("/api/collections/" + collectionId + "/markdown");
		assertThat(markdown.status()).isEqualTo(200);
		assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
		assertThat(markdown.header("Content-Disposition")).startsWith("attachment;");
		assertThat(markdown.body()).startsWith("# TOP 150 Songs 2026")
			.contains("## 1. [" + items.get(0).get("title").asText() + "](https://www.youtube.com/watch?v=u2ah9tWTkmk)")
			.contains("**TL;DR:** ")
			.containsPattern("- \\[\\d+:\\d\\d\\]\\(https://www\\.youtube\\.com/watch\\?v=u2ah9tWTkmk&t=\\d+s\\) ");
		assertThat(markdown.body().indexOf("## 1. ")).isLessThan(markdown.body().indexOf("## 4. "));
		JsonNode exported = this.api.get("/api/collections/" + collectionId + "/export").json();
		assertThat(exported.get("collection").get("id").asText()).isEqualTo(collectionId);
		assertThat(exported.get("summaries")).hasSize(4)
			.allSatisfy((entry) -> assertThat(entry.get("summary").get("key_points")).isNotEmpty());
		JsonNode summary = this.api.get("/api/summaries/" + items.get(0).get("summary_id").asText()).json();
		assertThat(summary.get("source_url").asText())
			.isEqualTo("https://www.youtube.com/watch?v=" + FIRST_VIDEOS.get(0));
	}

	@Test
	void aVideoThatFailsIsListedWithItsSentenceAndTheCollectionStillCompletes() {
		String failing = "BD-LB23rRBE";
		replay.player(failing, YouTubeReplay.Answer.file("youtube_video_unavailable.innertube.json.static"));
		Api.Response created = this.api.postJson("/api/summaries", "{\"url\": \"" + CHANNEL + "\", \"limit\": 3}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);

		List<JsonNode> polls = this.api.pollUntilFinished(created.json().get("task_id").asText());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("stage").asText()).isEqualTo("2 of 3 summarized, 1 failed");

		JsonNode items = this.api.get("/api/collections/" + created.json().get("collection_id").asText())
			.json()
			.get("items");
		assertThat(items.get(0).get("url").asText()).endsWith(failing);
		assertThat(items.get(0).get("status").asText()).isEqualTo("error");
		assertThat(items.get(0).get("failure_code").asText()).isEqualTo("youtube.unavailable");
		assertThat(items.get(0).get("error").asText()).isNotBlank();
		assertThat(items.get(1).get("status").asText()).isEqualTo("completed");
		String markdown = this.api.get("/api/collections/" + created.json().get("collection_id").asText() + "/markdown")
			.body();
		assertThat(markdown).contains("## 1. [").contains("_Not summarized: ").contains("## 2. [");
	}

	@Test
	void cancellingACollectionCancelsItsItemsThatHaveNotEnded() {
		// the playlist's fifth to eighth videos answer slowly, so they are still running
		List<String> slow = List.of("aSugSGCC12I", "vBynw9Isr28", "HfWLgELllZs", "eWAdpUyzCkI");
		Api.Response created = this.api.postJson("/api/summaries",
				"{\"url\": \"" + PLAYLIST.replace("playlist?list=", "watch?list=") + "\", \"limit\": 8}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String taskId = created.json().get("task_id").asText();
		slow.forEach((video) -> replay.slow(video, Duration.ofSeconds(3)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/api/progress/" + taskId).json().get("phase").asText().equals("summarizing"));

		assertThat(this.api.post("/api/progress/" + taskId + "/cancel").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode items = this.api.get("/api/collections/" + created.json().get("collection_id").asText())
				.json()
				.get("items");
			assertThat(items).hasSize(8);
			assertThat(items).allSatisfy((item) -> assertThat(item.get("status").asText()).isNotEqualTo("processing"));
			assertThat(items).anySatisfy((item) -> assertThat(item.get("status").asText()).isEqualTo("cancelled"));
		});
		assertThat(this.api.get("/api/progress/" + taskId).json().get("status").asText()).isEqualTo("cancelled");
	}

	@Test
	void whileAVideoWaitsOutARefusalFromYouTubeNoOtherVideoOfTheCollectionStarts() {
		// the recording's second playlist: videos no other test reads
		String first = "UKwSQSFN4Nw";
		replay.watchPages(first,
				new YouTubeReplay.Answer(429, "youtube_too_many_requests.html.static", Map.of("Retry-After", "2")),
				YouTubeReplay.Answer.file("youtube.html.static"));
		JsonNode ended = finished(
				"{\"url\": \"https://www.youtube.com/playlist?list=PLXJg25X-OulsVsnvZ7RVtSDW-id9_RzAO\","
						+ " \"limit\": 3}");
		assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("completed");
		assertThat(ended.get("stage").asText()).isEqualTo("3 of 3 summarized");

		JsonNode items = this.api.get("/api/collections/" + ended.get("collection_id").asText()).json().get("items");
		List<JsonNode> refused = events(items.get(0));
		Instant resumed = null;
		for (int i = 1; i < refused.size() && resumed == null; i++) {
			if (refused.get(i - 1).get("phase").asText().equals("retrying")
					&& !refused.get(i).get("phase").asText().equals("retrying")) {
				resumed = Instant.parse(refused.get(i).get("updated_at").asText());
			}
		}
		assertThat(resumed).as("the first video waited to retry, then went on").isNotNull();
		// the second ended long before; the third started only once the first went on
		assertThat(start(events(items.get(2)))).isAfterOrEqualTo(resumed);
	}

	@Test
	void videosAlreadyInTheLibraryAreLinkedNotSummarizedAgain() {
		// the first playlist's first two videos (other tests may have summarized them
		// already)
		String playlist = "{\"url\": \"" + PLAYLIST + "\", \"limit\": 2}";
		JsonNode first = finished(playlist);
		assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("completed");
		List<String> summaries = summaryIds(first);
		long videoRequests = replay.requestsFor(FIRST_VIDEOS.get(0)).size()
				+ replay.requestsFor(FIRST_VIDEOS.get(1)).size();

		JsonNode again = finished(playlist);

		assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("completed");
		assertThat(again.get("stage").asText()).isEqualTo("2 of 2 summarized");
		assertThat(summaryIds(again)).isEqualTo(summaries);
		assertThat(replay.requestsFor(FIRST_VIDEOS.get(0)).size() + replay.requestsFor(FIRST_VIDEOS.get(1)).size())
			.as("nothing asked of YouTube for the videos")
			.isEqualTo(videoRequests);
		JsonNode items = this.api.get("/api/collections/" + again.get("collection_id").asText()).json().get("items");
		assertThat(items)
			.allSatisfy((item) -> assertThat(item.get("stage").asText()).isEqualTo("Already in your library"));
	}

	private List<String> summaryIds(JsonNode ended) {
		return this.api.get("/api/collections/" + ended.get("collection_id").asText())
			.json()
			.get("items")
			.valueStream()
			.map((item) -> item.get("summary_id").asText())
			.toList();
	}

	@Test
	void aMissingPlaylistAndARemovedChannelEndInErrorWithASentence() {
		JsonNode missing = finished(
				"{\"url\": \"https://www.youtube.com/playlist?list=PL11111111111111111111111111111111\"}");
		assertThat(missing.get("status").asText()).isEqualTo("error");
		assertThat(missing.at("/failure/code").asText()).isEqualTo("youtube.list_not_found");
		assertThat(missing.at("/failure/kind").asText()).isEqualTo("permanent");
		assertThat(missing.get("error").asText()).startsWith("YouTube has no playlist at this address;");

		JsonNode removed = finished("{\"url\": \"https://www.youtube.com/channel/UCoaO4U_p7G7AwalqSbGCZOA\"}");
		assertThat(removed.at("/failure/code").asText()).isEqualTo("youtube.list_unavailable");
		assertThat(removed.get("error").asText()).contains("violated our Community Guidelines");
	}

	@Test
	void aLimitOutsideItsRangeOrForASingleVideoIsRefused() {
		assertThat(this.api.postJson("/api/summaries", "{\"url\": \"" + PLAYLIST + "\", \"limit\": 0}").status())
			.isEqualTo(400);
		assertThat(this.api.postJson("/api/summaries", "{\"url\": \"" + PLAYLIST + "\", \"limit\": 5000}").status())
			.isEqualTo(400);
		Api.Response single = this.api.postJson("/api/summaries",
				"{\"url\": \"https://www.youtube.com/watch?v=" + YouTubeReplay.VIDEO + "\", \"limit\": 3}");
		assertThat(single.status()).isEqualTo(400);
		assertThat(single.json().get("detail").asText())
			.contains("limit, since and follow apply to playlists, channels and feeds");
	}

	@Test
	void anotherUsersCollectionAndAnUnknownOneAnswer404() {
		assertThat(this.api.get("/api/collections/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
	}

	/** Every state an item's task went through, from its change log. */
	private List<JsonNode> events(JsonNode item) {
		return this.api.events(item.get("task_id").asText(), "0", Duration.ofSeconds(10))
			.stream()
			.map(Api.Event::data)
			.toList();
	}

	/** When an item started: its first state past {@code queued}. */
	private static Instant start(List<JsonNode> states) {
		return states.stream()
			.filter((state) -> !state.get("phase").asText().equals("queued"))
			.map((state) -> Instant.parse(state.get("updated_at").asText()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The most items that ran at one moment, from their own change logs: each ran from
	 * its first state past {@code queued} to its last.
	 */
	private int mostRunningAtOnce(JsonNode items) {
		List<Instant[]> runs = new ArrayList<>();
		for (JsonNode item : items) {
			List<JsonNode> states = events(item);
			runs.add(new Instant[] { start(states),
					Instant.parse(states.get(states.size() - 1).get("updated_at").asText()) });
		}
		int most = 0;
		for (Instant[] run : runs) {
			// how many runs had begun, and not yet ended, when this one began
			int atOnce = (int) runs.stream()
				.filter((other) -> !other[0].isAfter(run[0]) && other[1].isAfter(run[0]))
				.count();
			most = Math.max(most, atOnce);
		}
		return most;
	}

	private JsonNode finished(String body) {
		Api.Response created = this.api.postJson("/api/summaries", body);
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		List<JsonNode> polls = this.api.pollUntilFinished(created.json().get("task_id").asText());
		return polls.get(polls.size() - 1);
	}

}
