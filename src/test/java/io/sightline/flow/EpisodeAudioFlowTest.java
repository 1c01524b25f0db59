package io.sightline.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.PodcastFeeds;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A podcast episode without a transcript, on a server that transcribes (issue 17 on the
 * speech path of issue 16): its enclosure is downloaded through the tracking redirect,
 * with byte progress, transcribed in parts and summarized; the download is not kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class EpisodeAudioFlowTest {

	static final SpeechStub stub = new SpeechStub();

	static final PodcastFeeds host = new PodcastFeeds();

	static final Path media = TestDatabases.freshDataDir().resolve("media");

	@TempDir
	static Path audio;

	@LocalServerPort
	int port;

	@BeforeAll
	static void ffmpeg() {
		TestAudio.requireFfmpeg();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		stub.serveAsSpeechToText(registry);
		registry.add("sightline.fetch.allow-private-networks", () -> "true");
		registry.add("sightline.media.dir", media::toString);
		registry.add("sightline.asr.part-length", () -> "30s");
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void anEpisodeWithoutATranscriptIsDownloadedTranscribedAndSummarized() throws Exception {
		Path episode = TestAudio.make(audio.resolve("12.mp3"), 70, 20);
		host.serve("/audio/12.mp3", "audio/mpeg", Files.readAllBytes(episode))
			.serve("/feed.xml", "application/rss+xml", PodcastFeeds.rss("Spoken",
					host.episode(12, "Twelve", "Mon, 02 Nov 2026 10:00:00 GMT", null, null)));
		Api api = new Api(this.port);
		JsonNode created = api.postJson("/api/summaries", "{\"url\": \"" + host.url("/feed.xml") + "\"}").json();
		List<JsonNode> polls = api.pollUntilFinished(created.get("task_id").asText());
		assertThat(polls.get(polls.size() - 1).get("status").asText()).as(polls.get(polls.size() - 1).toString())
			.isEqualTo("completed");

		JsonNode item = api.get("/api/collections/" + created.get("collection_id").asText()).json().get("items").get(0);
		List<JsonNode> itemPolls = api.events(item.get("task_id").asText(), "0", Duration.ofSeconds(10))
			.stream()
			.map(Api.Event::data)
			.toList();
		List<String> stages = itemPolls.stream().map((poll) -> poll.get("stage").asText()).toList();
		assertThat(stages).anySatisfy((stage) -> assertThat(stage).startsWith("Downloading audio"))
			.anySatisfy((stage) -> assertThat(stage).startsWith("Transcribing part "));
		assertThat(host.requested()).contains("/track/audio/12.mp3", "/audio/12.mp3");
		assertThat(stub.transcribedFiles()).hasSizeGreaterThanOrEqualTo(2);

		JsonNode summary = api.get("/api/summaries/" + item.get("summary_id").asText()).json();
		assertThat(summary.get("title").asText()).isEqualTo("Twelve");
		assertThat(summary.get("source_type").asText()).isEqualTo("podcast");
		assertThat(summary.get("key_points")).isNotEmpty();
		try (Stream<Path> left = Files.walk(media)) {
			assertThat(left.filter(Files::isRegularFile).toList()).as("the download is not kept").isEmpty();
		}
	}

}
