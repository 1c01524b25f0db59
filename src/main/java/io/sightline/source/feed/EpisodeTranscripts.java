package io.sightline.source.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import io.sightline.source.Transcript;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a podcast episode's transcript file in the formats of the podcast namespace:
 * WebVTT and SRT keep their timing; JSON ({@code {"segments": [{"startTime", "endTime",
 * "speaker", "body"}]}}) too, its pieces (often single words) joined into sentences;
 * plain text and HTML become paragraphs.
 */
final class EpisodeTranscripts {

	/** A joined JSON segment ends at a sentence's end once it has this many words. */
	private static final int SENTENCE_WORDS = 8;

	/** ... and anywhere once it has this many. */
	private static final int MOST_WORDS = 60;

	private EpisodeTranscripts() {
	}

	/**
	 * The transcript in {@code bytes}, read as {@code type} (the feed's word for it, else
	 * the server's, else the address's extension).
	 */
	static Transcript read(String type, String url, byte[] bytes, Charset charset, int maxWords, JsonMapper json) {
		String text = new String(bytes, (charset != null) ? charset : StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return switch (format(type, url, text)) {
			case "vtt" -> TranscriptParser.parse(UploadFormat.VTT, text, maxWords);
			case "srt" -> TranscriptParser.parse(UploadFormat.SRT, text, maxWords);
			case "json" -> json(text, json);
			case "html" -> TranscriptParser.parse(UploadFormat.TXT, htmlText(text, url), maxWords);
			default -> TranscriptParser.parse(UploadFormat.TXT, text, maxWords);
		};
	}

	private static String format(String type, String url, String text) {
		String lower = (type != null) ? type.toLowerCase(Locale.ROOT) : "";
		String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
		if (lower.contains("vtt") || path.endsWith(".vtt") || text.startsWith("WEBVTT")) {
			return "vtt";
		}
		if (lower.contains("subrip") || lower.contains("srt") || path.endsWith(".srt")) {
			return "srt";
		}
		if (lower.contains("json") || path.endsWith(".json")) {
			return "json";
		}
		if (lower.contains("html") || path.endsWith(".html") || path.endsWith(".htm")) {
			return "html";
		}
		return "text";
	}

	private static Transcript json(String text, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (RuntimeException ex) {
			throw unreadable("its JSON could not be parsed");
		}
		List<Segment> segments = new ArrayList<>();
		StringBuilder sentence = new StringBuilder();
		double start = -1;
		double end = -1;
		String speaker = null;
		int words = 0;
		for (JsonNode piece : root.path("segments")) {
			String body = piece.path("body").asString("").strip();
			if (body.isEmpty()) {
				continue;
			}
			String said = piece.path("speaker").asString(null);
			if (sentence.length() > 0 && said != null && !said.equals(speaker)) {
				segments.add(new Segment(start, Math.max(0, end - start), sentence.toString()));
				sentence.setLength(0);
				words = 0;
			}
			if (sentence.length() == 0) {
				start = piece.path("startTime").asDouble(0);
				speaker = said;
			}
			sentence.append((sentence.length() > 0) ? " " : "").append(body);
			end = piece.path("endTime").asDouble(start);
			words += body.split("\\s+").length;
			if ((words >= SENTENCE_WORDS && body.matches(".*[.?!…]['\"”’)]?$")) || words >= MOST_WORDS) {
				segments.add(new Segment(start, Math.max(0, end - start), sentence.toString()));
				sentence.setLength(0);
				words = 0;
			}
		}
		if (sentence.length() > 0) {
			segments.add(new Segment(start, Math.max(0, end - start), sentence.toString()));
		}
		if (segments.isEmpty()) {
			throw unreadable("its JSON has no segments with a body");
		}
		return new Transcript(segments, null, 0);
	}

	/** The text of an HTML transcript, a paragraph a block. */
	private static String htmlText(String html, String url) {
		StringBuilder text = new StringBuilder();
		for (Element block : Jsoup.parse(html, url).body().select("p, li, h1, h2, h3, h4, blockquote")) {
			// the innermost blocks: select counts the block itself
			if (block.select("p, li, blockquote").size() == 1) {
				String said = block.text().strip();
				if (!said.isEmpty()) {
					text.append(said).append("\n\n");
				}
			}
		}
		return (text.length() > 0) ? text.toString() : Jsoup.parse(html, url).body().wholeText();
	}

	private static SourceFailure unreadable(String why) {
		return SourceFailure.permanent("podcast.transcript_unreadable", "The episode's transcript could not be read ("
				+ why + "); upload the transcript as a .txt, .srt or .vtt file instead.");
	}

}
