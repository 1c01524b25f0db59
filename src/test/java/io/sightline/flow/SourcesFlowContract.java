package io.sightline.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.WebPages;
import io.sightline.support.YouTubeReplay;
import io.sightline.support.YouTubeReplay.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YouTube and web sources end to end, with YouTube replayed from recorded responses by a
 * local server that {@code sightline.youtube.base-url} points at, and private addresses
 * refused as by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
abstract class SourcesFlowContract {

	static final YouTubeReplay replay = new YouTubeReplay();

	static final WebPages pages = new WebPages();

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
	void aVideoBecomesASummaryWithItsRecordedDetailsAndASecondOneAsksYouTubeNothing() {
		String url = "https://www.youtube.com/watch?v=" + YouTubeReplay.VIDEO;
		int before = replay.requestsFor(YouTubeReplay.VIDEO).size();
		List<JsonNode> firstPolls = this.api
			.pollUntilFinished(this.api.createFromUrl(url).json().get("task_id").asText());
		JsonNode first = firstPolls.get(firstPolls.size() - 1);
		assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("completed");
		assertThat(replay.requestsFor(YouTubeReplay.VIDEO).size() - before).isEqualTo(3);

		String summaryId = first.get("summary_id").asText();
		JsonNode summary = this.api.get("/api/summaries/" + summaryId).json();
		assertThat(summary.get("title").asText()).isEqualTo("Surface Go Review - It’s Awesome");
		assertThat(summary.get("channel").asText()).isEqualTo("Dave2D");
		assertThat(summary.get("source_type").asText()).isEqualTo("youtube");
		assertThat(summary.get("source_url").asText()).isEqualTo(url);
		assertThat(summary.get("duration_seconds").asInt()).isEqualTo(316);
		assertThat(summary.get("thumbnail_url").asText()).startsWith("https://i.ytimg.com/");
		assertThat(summary.get("language").asText()).isEqualTo("en");
		JsonNode transcript = this.api.get("/api/summaries/" + summaryId + "/transcript").json();
		assertThat(transcript).hasSize(3);
		assertThat(transcript.get(0).get("text").asText()).isEqualTo("Hey, this is just a test");
		assertThat(transcript.get(1).get("text").asText()).isEqualTo("this is not the original transcript");
		assertThat(transcript.get(2).get("start_seconds").asDouble()).isEqualTo(5.7);
		assertThat(first.get("title").asText()).isEqualTo("Surface Go Review - It’s Awesome");
		assertThat(first.get("source").get("url").asText()).isEqualTo(url);

		Api.Response markdown = this.api.get("/api/summaries/" + summaryId + "/markdown");
		assertThat(markdown.header("Content-Disposition")).contains("attachment").contains(".md");
		assertThat(markdown.body()).startsWith("# Surface Go Review")
			.contains("- Source: <" + url + ">")
			.contains("- Channel: Dave2D")
			.containsPattern("\\[0:0\\d\\]\\(" + Pattern.quote(url) + "&t=\\ds\\)");
		JsonNode export = this.api.get("/api/summaries/" + summaryId + "/export").json();
		assertThat(export.get("summary").get("id").asText()).isEqualTo(summaryId);
		assertThat(export.get("transcript")).hasSize(3);
		// the short link of the same video finds it before anything is summarized again
		assertThat(this.api.get("/api/summaries?source_url=https://youtu.be/" + YouTubeReplay.VIDEO)
			.json()
			.findValuesAsString("id")).containsExactly(summaryId);

		int afterFirst = replay.requests().size();
		Api.Response again = this.api.createFromUrl("https://youtu.be/" + YouTubeReplay.VIDEO + "?t=30");
		List<JsonNode> polls = this.api.pollUntilFinished(again.json().get("task_id").asText());
		JsonNode second = polls.get(polls.size() - 1);
		assertThat(second.get("status").asText()).isEqualTo("completed");
		assertThat(replay.requests()).hasSize(afterFirst);
		assertThat(this.api.get("/api/summaries/" + second.get("summary_id").asText() + "/transcript").json())
			.hasSize(3);
		// the cache is shared, so a hit must read exactly like a fetch: nobody learns
		// what others summarized
		assertThat(stages(again.json().get("task_id").asText())).isEqualTo(stages(first.get("task_id").asText()))
			.contains("Reading the transcript (English captions)...");
	}

	/** A task's stage texts as its events told them, each once. */
	/**
	 * The stages a task went through until it started summarizing: what reading the
	 * source said. (Reports inside the summarizing are merged by time, so which of them
	 * are written depends on the machine's speed.)
	 */
	private List<String> stages(String taskId) {
		return this.api.events(taskId, "0", Duration.ofSeconds(10))
			.stream()
			.map((event) -> event.data().get("stage").asText())
			.distinct()
			.takeWhile((stage) -> !stage.equals("Summarizing..."))
			.toList();
	}

	static Stream<Arguments> recordedFailures() {
		return Stream.of(
				failure("AgeRestrict",
						(r) -> r.player("AgeRestrict", Answer.file("youtube_age_restricted.innertube.json.static")),
						false, "youtube.age_restricted", null),
				failure("Unavailable",
						(r) -> r.player("Unavailable", Answer.file("youtube_video_unavailable.innertube.json.static")),
						false, "youtube.unavailable", null),
				failure("Unplayable1",
						(r) -> r.player("Unplayable1", Answer.file("youtube_unplayable.innertube.json.static")), false,
						"youtube.unplayable", null),
				failure("NoCaptions1",
						(r) -> r.player("NoCaptions1",
								Answer.file("youtube_transcripts_disabled.innertube.json.static")),
						false, "youtube.no_captions", null),
				failure("NoCaptions2",
						(r) -> r.player("NoCaptions2",
								Answer.file("youtube_transcripts_disabled2.innertube.json.static")),
						false, "youtube.no_captions", null),
				failure("PoTokenReqd",
						(r) -> r.player("PoTokenReqd", Answer.file("youtube_po_token_required.innertube.json.static")),
						false, "youtube.po_token_required", null),
				failure("ConsentLoop",
						(r) -> r.watchPages("ConsentLoop", Answer.file("youtube_consent_page.html.static")), false,
						"youtube.consent_required", null),
				failure("ConsentBad1",
						(r) -> r.watchPages("ConsentBad1", Answer.file("youtube_consent_page_invalid.html.static")),
						false, "youtube.consent_required", null),
				failure("CaptchaPage",
						(r) -> r.watchPages("CaptchaPage", Answer.file("youtube_too_many_requests.html.static")), true,
						"youtube.blocked", "/watch"),
				failure("BotBlocked1",
						(r) -> r.player("BotBlocked1", Answer.file("youtube_request_blocked.innertube.json.static")),
						true, "youtube.blocked", "/youtubei/v1/player"),
				failure("TimedText29", (r) -> r.timedText("TimedText29", Answer.status(429)), true, "youtube.blocked",
						"/api/timedtext"),
				failure("PlayerError", (r) -> r.player("PlayerError", Answer.status(500)), true, "youtube.server_error",
						"/youtubei/v1/player"));
	}

	/**
	 * A recorded failure and the code it must end with; for a transient one, the request
	 * that fails and is made once per attempt.
	 */
	private static Arguments failure(String videoId, Consumer<YouTubeReplay> setUp, boolean transientFailure,
			String code, String failingPath) {
		return Arguments.of(videoId, setUp, transientFailure, code, failingPath);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recordedFailures")
	void eachRecordedFailureEndsInErrorWithItsOwnCodeAndOnlyTransientOnesAreRetried(String videoId,
			Consumer<YouTubeReplay> setUp, boolean transientFailure, String code, String failingPath) {
		setUp.accept(replay);
		long failingBefore = requests(videoId, failingPath);
		Api.Response created = this.api.createFromUrl("https://www.youtube.com/watch?v=" + videoId);
		assertThat(created.status()).isEqualTo(202);
		List<JsonNode> polls = this.api.pollUntilFinished(created.json().get("task_id").asText());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).isEqualTo("error");
		assertThat(last.get("phase").asText()).isEqualTo("done");
		assertThat(last.at("/failure/code").asText()).isEqualTo(code);
		assertThat(last.get("error").asText()).as("a sentence for people").isNotBlank();
		if (transientFailure) {
			assertThat(last.get("attempt").asInt()).isEqualTo(3);
			assertThat(last.at("/failure/kind").asText()).isEqualTo("gave_up");
			assertThat(last.at("/failure/retryable").asBoolean()).isTrue();
			assertThat(polls).anySatisfy((poll) -> {
				assertThat(poll.get("phase").asText()).isEqualTo("retrying");
				assertThat(poll.at("/retry/attempt").asInt()).isEqualTo(2);
				assertThat(poll.at("/retry/max_attempts").asInt()).isEqualTo(3);
				assertThat(Instant.parse(poll.at("/retry/next_at").asText()))
					.isAfterOrEqualTo(Instant.parse(poll.get("updated_at").asText()));
			});
			assertThat(requests(videoId, failingPath) - failingBefore).as("requests to " + failingPath).isEqualTo(3);
		}
		else {
			assertThat(last.get("attempt").asInt()).isEqualTo(1);
			assertThat(last.at("/failure/kind").asText()).isEqualTo("permanent");
			assertThat(last.at("/failure/retryable").asBoolean()).isFalse();
			assertThat(last.get("retry").isNull()).isTrue();
		}
		assertThat(this.api.get("/api/summaries/" + last.get("summary_id").asText()).status()).isEqualTo(404);
	}

	private static long requests(String videoId, String path) {
		return replay.requestsFor(videoId)
			.stream()
			.filter((request) -> request.getRequestUrl().encodedPath().equals(path))
			.count();
	}

	@Test
	void playlistAndChannelPagesThatNameNoListAreRefusedAtOnce() {
		Api.Response playlist = this.api.createFromUrl("https://www.youtube.com/playlist");
		assertThat(playlist.status()).isEqualTo(400);
		assertThat(playlist.json().get("code").asText()).isEqualTo("request.youtube_playlist");
		assertThat(playlist.json().get("detail").asText()).contains("names no playlist");
		Api.Response channel = this.api.createFromUrl("https://www.youtube.com/@Dave2D/community");
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.json().get("code").asText()).isEqualTo("request.youtube_channel");
	}

	@Test
	void anArticleOnAPrivateAddressIsRefusedByDefaultNamingTheRule() {
		int requestsBefore = pages.requestCount();
		Api.Response refused = this.api.createFromUrl(pages.url("/article.html"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asText())
			.startsWith("Sightline does not fetch addresses on private networks")
			.contains("is a loopback address")
			.contains("sightline.fetch.allow-private-networks=true");
		assertThat(this.api.createFromUrl("http://localhost:" + pages.port() + "/article.html").status())
			.isEqualTo(400);
		assertThat(this.api.createFromUrl("http://169.254.169.254/latest/meta-data/").status()).isEqualTo(400);
		assertThat(pages.requestCount()).isEqualTo(requestsBefore);
	}

}
