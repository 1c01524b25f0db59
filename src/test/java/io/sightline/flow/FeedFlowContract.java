package io.sightline.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.PodcastFeeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Podcast feeds end to end (issue 17): a feed's episodes become a collection, newest
 * first; an episode with a {@code podcast:transcript} is summarized from it without its
 * audio being fetched; without transcripts and without speech-to-text each episode ends
 * with the sentence that says what to set; a page that links its feed is read as the feed
 * when the request asks for a list; a follow takes the episodes added after it was made.
 * The podcast host is a local server; the transcripts are real subtitles of talks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
abstract class FeedFlowContract {

	static final PodcastFeeds host = new PodcastFeeds();

	@LocalServerPort
	int port;

	Api api;

	static void sources(DynamicPropertyRegistry registry) {
		registry.add("sightline.fetch.allow-private-networks", () -> "true");
		registry.add("sightline.follow.interval", () -> "2s");
		registry.add("sightline.follow.check-every", () -> "500ms");
		host.serve("/transcripts/genius.vtt", "text/vtt",
				resource("/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.derived.vtt"))
			.serve("/transcripts/tos.srt", "application/x-subrip", resource("/subtitles/TOS-en.srt"))
			.serve("/transcripts/tos.json", "application/json", wordByWordJson(resource("/subtitles/TOS-en.srt")));
	}

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	@Test
	void aFeedWithTranscriptsBecomesACollectionNewestFirstAndNoAudioIsFetched() {
		host.serve("/talks/feed.xml", "application/rss+xml",
				PodcastFeeds.rss("Talks &amp; Films",
						host.episode(1, "The myth of the genius programmer", "Mon, 02 Nov 2026 10:00:00 GMT",
								"/transcripts/genius.vtt", "text/vtt"),
						host.episode(3, "Tears of Steel, word by word", "Wed, 18 Nov 2026 08:30:00 +0100",
								"/transcripts/tos.json", "application/json"),
						host.episode(2, "Tears of Steel", "Tue, 10 Nov 2026 10:00:00 EST", "/transcripts/tos.srt",
								"application/x-subrip")));
		Api.Response created = this.api.postJson("/api/summaries",
				"{\"url\": \"" + host.url("/talks/feed.xml") + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String collectionId = created.json().get("collection_id").asText();

		JsonNode last = finished(created);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("stage").asText()).isEqualTo("3 of 3 summarized");

		JsonNode collection = this.api.get("/api/collections/" + collectionId).json();
		assertThat(collection.get("kind").asText()).isEqualTo("feed");
		assertThat(collection.get("title").asText()).isEqualTo("Talks & Films");
		JsonNode items = collection.get("items");
		assertThat(items).hasSize(3);
		assertThat(items.get(0).get("title").asText()).isEqualTo("Tears of Steel, word by word");
		assertThat(items.get(1).get("title").asText()).isEqualTo("Tears of Steel");
		assertThat(items.get(2).get("title").asText()).isEqualTo("The myth of the genius programmer");
		assertThat(items.get(2).get("url").asText()).isEqualTo(host.url("/track/audio/1.mp3"));

		JsonNode genius = this.api.get("/api/summaries/" + items.get(2).get("summary_id").asText()).json();
		assertThat(genius.get("title").asText()).isEqualTo("The myth of the genius programmer");
		assertThat(genius.get("source_type").asText()).isEqualTo("podcast");
		assertThat(genius.get("key_points")).isNotEmpty();
		String transcript = this.api.get("/api/summaries/" + items.get(0).get("summary_id").asText() + "/transcript")
			.body();
		assertThat(transcript).as("the word-by-word JSON is read as sentences").contains("\"start_seconds\"");
		assertThat(host.requested()).as("no audio is fetched when the feed gives transcripts")
			.noneMatch((path) -> path.contains("/audio/"));
	}

	@Test
	void withoutTranscriptsAndWithoutSpeechToTextEachEpisodeEndsWithTheSentenceThatSaysWhatToSet() {
		host.serve("/silent/feed.xml", "application/rss+xml",
				PodcastFeeds.rss("Audio only",
						host.episode(4, "Episode four", "Mon, 02 Nov 2026 10:00:00 GMT", null, null),
						host.episode(5, "Episode five", "Mon, 09 Nov 2026 10:00:00 GMT", null, null)));
		Api.Response created = this.api.postJson("/api/summaries",
				"{\"url\": \"" + host.url("/silent/feed.xml") + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);

		JsonNode last = finished(created);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("error");
		assertThat(last.at("/failure/code").asText()).isEqualTo("collection.nothing_summarized");
		assertThat(last.get("error").asText()).contains("sightline.asr.base-url");
		JsonNode items = this.api.get("/api/collections/" + created.json().get("collection_id").asText())
			.json()
			.get("items");
		assertThat(items).hasSize(2).allSatisfy((item) -> {
			assertThat(item.get("status").asText()).isEqualTo("error");
			assertThat(item.get("failure_code").asText()).isEqualTo("podcast.no_transcript");
			assertThat(item.get("error").asText()).contains("gives no transcript").contains("sightline.asr.base-url");
		});
		assertThat(host.requested()).noneMatch((path) -> path.contains("/audio/"));
	}

	@Test
	void aShowPageThatLinksItsFeedIsReadAsTheFeedWhenAListIsAskedForWithItsDate() {
		host.serve("/dated/feed.xml", "application/rss+xml", PodcastFeeds.rss("Dated",
				host.episode(6, "Old", "Mon, 05 Oct 2026 10:00:00 GMT", "/transcripts/tos.srt", "application/x-subrip"),
				host.episode(7, "Newer", "Mon, 09 Nov 2026 10:00:00 GMT", "/transcripts/tos.srt",
						"application/x-subrip"),
				host.episode(8, "Newest", "Mon, 16 Nov 2026 10:00:00 GMT", "/transcripts/genius.vtt", "text/vtt")))
			.serve("/dated/show", "text/html; charset=utf-8",
					"<!doctype html><html><head><title>Dated, the show</title><link rel=\"alternate\""
							+ " type=\"application/rss+xml\" title=\"Dated\" href=\"feed.xml\"></head><body><h1>Dated"
							+ "</h1><p>Every episode.</p></body></html>");
		Api.Response created = this.api.postJson("/api/summaries",
				"{\"url\": \"" + host.url("/dated/show") + "\", \"since\": \"2026-11-01\", \"limit\": 5}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);

		JsonNode last = finished(created);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		JsonNode collection = this.api.get("/api/collections/" + created.json().get("collection_id").asText()).json();
		assertThat(collection.get("url").asText()).isEqualTo(host.url("/dated/feed.xml"));
		assertThat(collection.get("items")).extracting((item) -> item.get("title").asText())
			.containsExactly("Newest", "Newer");

		Api.Response page = this.api.postJson("/api/summaries", "{\"url\": \"" + host.url("/dated/show") + "\"}");
		assertThat(page.json().has("collection_id")).as("without limit, since or follow a page is one page").isFalse();
		Api.Response badDate = this.api.postJson("/api/summaries",
				"{\"url\": \"" + host.url("/dated/feed.xml") + "\", \"since\": \"last week\"}");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("detail").asText()).contains("2026-11-01");
	}

	@Test
	void aCollectionIsOneEntryOfTheLibrarySearchFindsItsItemsAndDeletingItDeletesWhatItMade() {
		host.serve("/library/feed.xml", "application/rss+xml",
				PodcastFeeds.rss("Shelved show",
						host.episode(13, "Shelved episode alpha", "Mon, 02 Nov 2026 10:00:00 GMT",
								"/transcripts/tos.srt", "application/x-subrip"),
						host.episode(14, "Shelved episode beta", "Mon, 09 Nov 2026 10:00:00 GMT",
								"/transcripts/genius.vtt", "text/vtt")));
		Api.Response created = this.api.postJson("/api/summaries",
				"{\"url\": \"" + host.url("/library/feed.xml") + "\"}");
		assertThat(finished(created).get("status").asText()).isEqualTo("completed");
		String collectionId = created.json().get("collection_id").asText();

		JsonNode library = this.api.get("/api/library?size=100").json();
		assertThat(library.get("items")).filteredOn((entry) -> entry.get("id").asText().equals(collectionId))
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.get("kind").asText()).isEqualTo("collection");
				assertThat(entry.get("title").asText()).isEqualTo("Shelved show");
				assertThat(entry.get("source_type").asText()).isEqualTo("feed");
				assertThat(entry.get("item_count").asInt()).isEqualTo(2);
			});
		assertThat(library.get("items")).as("its items are inside it, not beside it")
			.noneSatisfy((entry) -> assertThat(entry.get("title").asText()).startsWith("Shelved episode"));

		JsonNode found = this.api.get("/api/library?q=shelved+episode+beta").json();
		assertThat(found.get("total").asInt()).isEqualTo(1);
		JsonNode beta = found.get("items").get(0);
		assertThat(beta.get("kind").asText()).isEqualTo("summary");
		assertThat(beta.get("collection_id").asText()).isEqualTo(collectionId);
		assertThat(beta.get("collection_title").asText()).isEqualTo("Shelved show");
		assertThat(this.api.get("/api/library?q=shelved+show").json().get("items"))
			.anySatisfy((entry) -> assertThat(entry.get("id").asText()).isEqualTo(collectionId));

		assertThat(this.api.delete("/api/collections/" + collectionId).status()).isEqualTo(204);
		assertThat(this.api.get("/api/collections/" + collectionId).status()).isEqualTo(404);
		assertThat(this.api.get("/api/summaries/" + beta.get("id").asText()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/library?q=shelved").json().get("total").asInt()).isZero();
	}

	@Test
	void anAddressThatLooksLikeAPageButServesAFeedBecomesItsCollection() {
		host.serve("/shows/talks", "text/xml; charset=utf-8", PodcastFeeds.rss("Plain address", host.episode(11,
				"Only one", "Mon, 02 Nov 2026 10:00:00 GMT", "/transcripts/tos.srt", "application/x-subrip")));
		Api.Response created = this.api.postJson("/api/summaries", "{\"url\": \"" + host.url("/shows/talks") + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		assertThat(created.json().has("collection_id")).as("the address alone does not say").isFalse();

		JsonNode last = finished(created);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");
		assertThat(last.get("stage").asText()).isEqualTo("1 of 1 summarized");
		assertThat(last.get("summary_id").isNull()).isTrue();
		String collectionId = last.get("collection_id").asText();
		assertThat(collectionId).isEqualTo(created.json().get("summary_id").asText());
		JsonNode collection = this.api.get("/api/collections/" + collectionId).json();
		assertThat(collection.get("kind").asText()).isEqualTo("feed");
		assertThat(collection.get("items")).extracting((item) -> item.get("title").asText())
			.containsExactly("Only one");
	}

	@Test
	void aFollowTakesTheEpisodesAddedAfterItWasMadeAndCanBePausedAndRemoved() {
		String first = host.episode(9, "First", "Mon, 02 Nov 2026 10:00:00 GMT", "/transcripts/tos.srt",
				"application/x-subrip");
		host.serve("/followed/feed.xml", "application/rss+xml", PodcastFeeds.rss("Followed", first));
		Api.Response created = this.api.postJson("/api/summaries",
				"{\"url\": \"" + host.url("/followed/feed.xml") + "\", \"follow\": true}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String followId = created.json().get("follow_id").asText();
		assertThat(finished(created).get("status").asText()).isEqualTo("completed");

		// the first collection read the list; a check with nothing new keeps no
		// collection
		assertThat(follow(followId).get("title").asText()).isEqualTo("Followed");
		String firstCheck = follow(followId).get("checked_at").asText();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !follow(followId).get("checked_at").asText().equals(firstCheck));
		assertThat(follow(followId).get("last_error").isNull()).isTrue();
		assertThat(follow(followId).get("collections").asInt()).isEqualTo(1);

		host.serve("/followed/feed.xml", "application/rss+xml", PodcastFeeds.rss("Followed",
				host.episode(10, "Second", "Mon, 09 Nov 2026 10:00:00 GMT", "/transcripts/genius.vtt", "text/vtt"),
				first));
		await().atMost(Duration.ofSeconds(30)).until(() -> follow(followId).get("collections").asInt() == 2);
		String latest = follow(followId).get("latest_collection_id").asText();
		JsonNode collection = this.api.get("/api/collections/" + latest).json();
		JsonNode task = this.api.pollUntilFinished(collection.get("task_id").asText())
			.stream()
			.reduce((a, b) -> b)
			.orElseThrow();
		assertThat(task.get("status").asText()).as(task.toString()).isEqualTo("completed");
		assertThat(this.api.get("/api/collections/" + latest).json().get("items"))
			.extracting((item) -> item.get("title").asText())
			.containsExactly("Second");

		Api.Response paused = this.api.send("PATCH", "/api/follows/" + followId,
				Map.of("Content-Type", "application/json"), "{\"paused\": true}".getBytes(StandardCharsets.UTF_8));
		assertThat(paused.status()).as(paused.body()).isEqualTo(200);
		assertThat(paused.json().get("paused").asBoolean()).isTrue();
		assertThat(this.api.get("/api/follows").json()).anySatisfy((listed) -> {
			assertThat(listed.get("id").asText()).isEqualTo(followId);
			assertThat(listed.get("paused").asBoolean()).isTrue();
		});
		assertThat(this.api.delete("/api/follows/" + followId).status()).isEqualTo(204);
		assertThat(this.api.get("/api/follows/" + followId).status()).isEqualTo(404);
		assertThat(this.api.get("/api/collections/" + latest).status()).as("its collections stay").isEqualTo(200);
	}

	@Test
	void aFollowOfAPlaylistOrOfAPageIsRefusedWithASentence() {
		Api.Response playlist = this.api.postJson("/api/summaries",
				"{\"url\": \"https://www.youtube.com/playlist?list=PLoumn5BIsUDeGF1vy5Nylf_RJKn5aL_nr\","
						+ " \"follow\": true}");
		assertThat(playlist.status()).isEqualTo(400);
		assertThat(playlist.json().get("detail").asText()).contains("follow applies to channels and feeds");
		Api.Response video = this.api.postJson("/api/summaries",
				"{\"url\": \"https://www.youtube.com/watch?v=jNQXAC9IVRw\", \"since\": \"2026-11-01\"}");
		assertThat(video.status()).isEqualTo(400);
		assertThat(video.json().get("detail").asText()).contains("since and follow apply to playlists");
	}

	private JsonNode follow(String id) {
		return this.api.get("/api/follows/" + id).json();
	}

	private JsonNode finished(Api.Response created) {
		List<JsonNode> polls = this.api.pollUntilFinished(created.json().get("task_id").asText());
		return polls.get(polls.size() - 1);
	}

	static String resource(String path) {
		try (InputStream in = FeedFlowContract.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The podcast namespace's JSON transcript as some generators write it: a segment a
	 * word, with its times.
	 */
	static String wordByWordJson(String srt) {
		Pattern cue = Pattern
			.compile("(\\d+):(\\d{2}):(\\d{2}),(\\d{3}) --> (\\d+):(\\d{2}):(\\d{2}),(\\d{3})\\R((?:.+\\R?)+)");
		Matcher matcher = cue.matcher(srt.replace("\r\n", "\n"));
		List<String> segments = new ArrayList<>();
		while (matcher.find()) {
			double start = seconds(matcher, 1);
			double end = seconds(matcher, 5);
			String[] words = matcher.group(9).strip().replaceAll("<[^>]+>", "").split("\\s+");
			for (int i = 0; i < words.length; i++) {
				double from = start + (end - start) * i / words.length;
				double to = start + (end - start) * (i + 1) / words.length;
				segments.add(String.format(Locale.ROOT,
						"{\"speaker\": \"Narrator\", \"startTime\": %.3f, \"endTime\": %.3f, \"body\": \"%s\"}", from,
						to, words[i].replace("\\", "\\\\").replace("\"", "\\\"")));
			}
		}
		return "{\"version\": \"1.0.0\", \"segments\": [" + String.join(",\n", segments) + "]}";
	}

	private static double seconds(Matcher matcher, int group) {
		return Integer.parseInt(matcher.group(group)) * 3600 + Integer.parseInt(matcher.group(group + 1)) * 60
				+ Integer.parseInt(matcher.group(group + 2)) + Integer.parseInt(matcher.group(group + 3)) / 1000.0;
	}

}
