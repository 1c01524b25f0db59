package io.sightline.flow;

import java.util.List;
import java.util.stream.StreamSupport;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestDatabases;
import io.sightline.support.WebPages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A web article end to end, on a server whose operator allowed private addresses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class,
		properties = "sightline.fetch.allow-private-networks=true")
class ArticleFlowTest {

	static final WebPages pages = new WebPages();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Test
	void theArticlesMainTextIsSummarizedWithoutItsNavigationAndFooter() {
		Api api = new Api(this.port);
		Api.Response created = api.createFromUrl(pages.url("/article.html"));
		assertThat(created.status()).isEqualTo(202);
		List<JsonNode> polls = api.pollUntilFinished(created.json().get("task_id").asText());
		JsonNode last = polls.get(polls.size() - 1);
		assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("completed");

		String summaryId = last.get("summary_id").asText();
		JsonNode summary = api.get("/api/summaries/" + summaryId).json();
		assertThat(summary.get("title").asText()).isEqualTo("Why cities are planting tiny forests");
		assertThat(summary.get("channel").asText()).isEqualTo("The Daily Ledger");
		assertThat(summary.get("source_type").asText()).isEqualTo("web");
		assertThat(summary.get("language").asText()).isEqualTo("en");
		assertThat(summary.get("key_points").size()).isGreaterThan(0);
		// the page's picture was fetched once and is served by Sightline, whatever
		// happens to the site
		assertThat(summary.get("thumbnail_url").asText()).isEqualTo(pages.url("/images/tiny-forest.png"));
		assertThat(summary.get("thumbnail").asText()).isEqualTo("/api/summaries/" + summaryId + "/thumbnail");
		Api.Response picture = api.get(summary.get("thumbnail").asText());
		assertThat(picture.header("Content-Type")).isEqualTo("image/png");
		assertThat(picture.header("Cache-Control")).contains("immutable");
		assertThat(picture.header("Content-Length")).isEqualTo(String.valueOf(WebPages.PNG.length));
		assertThat(api.get("/api/library?q=tiny%20forests").json().get("items").get(0).get("thumbnail").asText())
			.isEqualTo(summary.get("thumbnail").asText());

		String transcript = StreamSupport
			.stream(api.get("/api/summaries/" + summaryId + "/transcript").json().spliterator(), false)
			.map((segment) -> segment.get("text").asText())
			.reduce("", (a, b) -> a + "\n" + b);
		assertThat(transcript).contains("Akira Miyawaki").contains("forty more plots by 2030");
		assertThat(transcript).doesNotContain("Politics", "Subscribe", "All rights reserved", "Privacy policy",
				"cookies", "Related stories");
		String markdown = summary.get("summary_markdown").asText();
		assertThat(markdown).doesNotContain("Politics", "All rights reserved", "Privacy policy");
	}

}
