package io.sightline.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;

/**
 * A local podcast host: feeds (RSS written by the tests, as real hosts write them: the
 * iTunes and podcast namespaces, tracking redirects before the audio), the transcripts
 * they name, a show page that links its feed, and audio that must not be asked for when a
 * transcript exists. Each path can be set or changed while a test runs; every request is
 * logged.
 */
public final class PodcastFeeds {

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<String> requested = new CopyOnWriteArrayList<>();

	private final MockWebServer server;

	/** What one path answers: its media type and body. */
	private record Answer(String type, byte[] body) {
	}

	public PodcastFeeds() {
		this.server = LocalServers.start((request) -> {
			String path = request.getRequestUrl().encodedPath();
			this.requested.add(path);
			if (path.startsWith("/track/")) {
				// the tracking redirect most podcast hosts put before their audio
				return new MockResponse().setResponseCode(302).setHeader("Location", path.substring("/track".length()));
			}
			Answer answer = this.answers.get(path);
			if (answer == null) {
				return new MockResponse().setResponseCode(404);
			}
			return new MockResponse().setHeader("Content-Type", answer.type())
				.setBody(new Buffer().write(answer.body()));
		});
	}

	/** Serves {@code body} at {@code path} as {@code type}, from now on. */
	public PodcastFeeds serve(String path, String type, String body) {
		return serve(path, type, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Serves the bytes at {@code path} as {@code type}, from now on. */
	public PodcastFeeds serve(String path, String type, byte[] body) {
		this.answers.put(path, new Answer(type, body));
		return this;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getPort() + path;
	}

	/** The paths asked for so far, in order. */
	public List<String> requested() {
		return List.copyOf(this.requested);
	}

	/**
	 * An RSS 2.0 podcast feed of {@code items} (each made by {@link #episode}), as hosts
	 * write them.
	 */
	public static String rss(String title, String... items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
				     xmlns:podcast="https://podcastindex.org/namespace/1.0"
				     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				  <channel>
				    <title>%s</title>
				    <link>https://example.org/show</link>
				    <atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>
				    <language>en</language>
				    <itunes:author>Example Studio</itunes:author>
				    <image><url>https://example.org/cover.jpg</url><title>%s</title><link>https://example.org</link></image>
				    <description><![CDATA[<p>A show about <b>things</b>.</p>]]></description>
				%s
				  </channel>
				</rss>
				"""
			.formatted(title, title, String.join("\n", items));
	}

	/**
	 * One episode: its audio at {@code /track/audio/N.mp3} (through the tracking
	 * redirect), its date, and a {@code podcast:transcript} of {@code transcriptType} at
	 * {@code transcriptPath} when that is not null.
	 */
	public String episode(int number, String title, String pubDate, String transcriptPath, String transcriptType) {
		String transcript = (transcriptPath != null) ? "      <podcast:transcript url=\"" + url(transcriptPath)
				+ "\" type=\"" + transcriptType + "\" language=\"en\"/>\n" : "";
		return """
				    <item>
				      <title><![CDATA[%s]]></title>
				      <guid isPermaLink="false">episode-%d</guid>
				      <link>https://example.org/episodes/%d</link>
				      <pubDate>%s</pubDate>
				      <description><![CDATA[<p>Show notes of episode %d.</p>]]></description>
				      <enclosure url="%s" length="123456" type="audio/mpeg"/>
				      <itunes:duration>00:%02d:00</itunes:duration>
				      <itunes:episode>%d</itunes:episode>
				%s    </item>""".formatted(title, number, number, pubDate, number,
				url("/track/audio/" + number + ".mp3"), 10 + number, number, transcript);
	}

}
