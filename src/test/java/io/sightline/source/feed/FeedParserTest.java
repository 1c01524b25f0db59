package io.sightline.source.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.sightline.source.Listing.ListedItem;
import io.sightline.source.Transcript;
import io.sightline.source.fetch.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feeds as hosts write them: RSS with the iTunes and podcast namespaces, Atom, dates in
 * the zones people use, several transcripts to choose from, and documents that must not
 * be read as feeds.
 */
class FeedParserTest {

	@Test
	void anRssItemKeepsItsAudioItsLengthItsDateAndTheBestOfItsTranscripts() {
		Feed feed = FeedParser.parse(bytes("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
				     xmlns:podcast="https://podcastindex.org/namespace/1.0">
				  <channel>
				    <title>The Show</title><link>https://example.org/</link><language>en-us</language>
				    <image><title>Not the show's title</title></image>
				    <item>
				      <title>Ep. 1 &amp; more</title>
				      <pubDate>Tue, 3 Nov 2026 06:00:00 PST</pubDate>
				      <enclosure url="https://cdn.example.org/1.mp3" type="audio/mpeg" length="1"/>
				      <itunes:duration>1:02:03</itunes:duration>
				      <podcast:transcript url="https://example.org/1.html" type="text/html"/>
				      <podcast:transcript url="https://example.org/1.srt" type="application/x-subrip" rel="captions"/>
				      <podcast:transcript url="https://example.org/1.json" type="application/json"/>
				    </item>
				    <item><title>Notes only</title><link>https://example.org/notes</link>
				      <itunes:duration>95</itunes:duration></item>
				  </channel>
				</rss>
				"""));

		assertThat(feed.title()).isEqualTo("The Show");
		assertThat(feed.language()).isEqualTo("en-us");
		assertThat(feed.items()).containsExactly(
				new ListedItem("https://cdn.example.org/1.mp3", "Ep. 1 & more", 3723,
						Instant.parse("2026-11-03T14:00:00Z"), "audio/mpeg", "https://example.org/1.srt",
						"application/x-subrip"),
				new ListedItem("https://example.org/notes", "Notes only", 95, null, null, null, null));
		assertThat(feed.items().get(0).isEpisode()).isTrue();
		assertThat(feed.items().get(1).isEpisode()).isFalse();
	}

	@Test
	void anAtomEntryIsReadFromItsLinksAndItsPublishedDate() {
		Feed feed = FeedParser.parse(bytes("""
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <title type="html">A &lt;b&gt;blog&lt;/b&gt;</title>
				  <link rel="self" href="https://example.org/atom.xml"/>
				  <link href="https://example.org/"/>
				  <entry>
				    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Post <em>one</em></div></title>
				    <link rel="alternate" href="https://example.org/posts/1"/>
				    <link rel="enclosure" href="https://example.org/1.ogg" type="audio/ogg"/>
				    <id>tag:example.org,2026:1</id>
				    <updated>2026-11-05T10:00:00Z</updated>
				    <published>2026-11-04T09:30:00+01:00</published>
				  </entry>
				</feed>
				"""));

		assertThat(feed.link()).isEqualTo("https://example.org/");
		assertThat(feed.items()).containsExactly(new ListedItem("https://example.org/1.ogg", "Post one", null,
				Instant.parse("2026-11-04T08:30:00Z"), "audio/ogg", null, null));
	}

	@Test
	void datesAreReadInTheFormsFeedsUse() {
		assertThat(FeedParser.date("Mon, 02 Nov 2026 10:00:00 GMT")).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
		assertThat(FeedParser.date("Mon, 2 Nov 2026 10:00:00 +0100")).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
		assertThat(FeedParser.date("Mon, 02 Nov 2026 10:00:00 EST")).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
		assertThat(FeedParser.date("2026-11-02T10:00:00Z")).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
		assertThat(FeedParser.date("sometime")).isNull();
		assertThat(FeedParser.duration("45:10")).isEqualTo(2710);
		assertThat(FeedParser.duration("3600.4")).isEqualTo(3600);
		assertThat(FeedParser.duration("an hour")).isNull();
	}

	@Test
	void aDocumentIsAFeedOnlyByItsRootAndNoEntityIsEverFetched() {
		assertThat(Page.looksLikeFeed(bytes("\uFEFF<?xml version=\"1.0\"?>\n<!-- hi -->\n<rss version=\"2.0\">")))
			.isTrue();
		assertThat(Page.looksLikeFeed(bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))).isTrue();
		assertThat(Page.looksLikeFeed(bytes("<!doctype html><html><body>rss</body></html>"))).isFalse();
		assertThatThrownBy(() -> FeedParser.parse(bytes("<?xml version=\"1.0\"?><html><body/></html>")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("<html>");
		assertThatThrownBy(() -> FeedParser.parse(bytes("""
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<rss><channel><title>&secret;</title></channel></rss>
				"""))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aWordByWordJsonTranscriptIsJoinedIntoSentencesAndAnHtmlOneIntoParagraphs() {
		String json = """
				{"version": "1.0.0", "segments": [
				 {"speaker": "Ann", "startTime": 0.0, "endTime": 0.4, "body": "Welcome"},
				 {"speaker": "Ann", "startTime": 0.4, "endTime": 0.6, "body": "to"},
				 {"speaker": "Ann", "startTime": 0.6, "endTime": 0.9, "body": "the"},
				 {"speaker": "Ann", "startTime": 0.9, "endTime": 1.2, "body": "show."},
				 {"speaker": "Bob", "startTime": 1.5, "endTime": 2.0, "body": "Thanks,"},
				 {"speaker": "Bob", "startTime": 2.0, "endTime": 2.5, "body": "Ann."}]}
				""";
		Transcript read = EpisodeTranscripts.read("application/json", "https://example.org/t.json", bytes(json), null,
				1000, JsonMapper.shared());
		assertThat(read.segments()).extracting((segment) -> segment.text())
			.containsExactly("Welcome to the show.", "Thanks, Ann.");
		assertThat(read.segments().get(1).startSeconds()).isEqualTo(1.5);

		Transcript html = EpisodeTranscripts.read(null, "https://example.org/t.html",
				bytes("<html><body><nav>Menu</nav><p><cite>Ann:</cite> Welcome.</p><p>Bob: Thanks.</p></body></html>"),
				null, 1000, JsonMapper.shared());
		assertThat(html.segments()).extracting((segment) -> segment.text()).contains("Bob: Thanks.");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
