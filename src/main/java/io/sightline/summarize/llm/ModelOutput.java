package io.sightline.summarize.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.summarize.SummarizerFailure;
import io.sightline.system.Timestamps;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a model answered, in whatever form it chose: the JSON it was asked for
 * (bare, in a code fence, or with words around it; {@code points} or {@code key_points}
 * as objects with {@code text} and {@code time}, or as strings), or Markdown and plain
 * text (a TL;DR line or first paragraph, bullets or a numbered list, times written
 * {@code [m:ss]}, {@code (m:ss)}, {@code m:ss -}, {@code hh:mm:ss} or not at all). Small
 * local models often ignore the format they were asked for; their text is still a
 * summary. Only an answer with nothing usable in it is a failure.
 */
final class ModelOutput {

	/**
	 * A point as the model gave it; {@code seconds} is null where it gave no readable
	 * time.
	 */
	record Point(String text, Double seconds) {
	}

	/** What an answer said: its TL;DR (empty if it gave none) and its points. */
	record Reading(String tldr, List<Point> points) {
	}

	/** The code of an answer with nothing usable in it. */
	static final String UNREADABLE_CODE = "model.unreadable_answer";

	private static final String TIME = "\\d{1,2}(?::\\d{2}){1,2}(?:[.,]\\d+)?";

	/** A list item: a bullet or a number, then the text. */
	private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*•+]|\\d{1,3}[.)])\\s+(.+)$");

	/**
	 * A time before the text: {@code [3:25]}, {@code (3:25)}, {@code 3:25 -},
	 * {@code **3:25**}.
	 */
	private static final Pattern LEADING_TIME = Pattern
		.compile("^\\**\\s*[\\[(]?(" + TIME + ")[\\])]?\\**\\s*(?:[-–—:|]\\s*)?(.*)$");

	/** A time after the text: {@code … (3:25)}, {@code … [at 3:25]}, {@code … — 3:25}. */
	private static final Pattern TRAILING_TIME = Pattern
		.compile("^(.*?)\\s*(?:[-–—]\\s*)?[\\[(](?:at\\s+)?(" + TIME + ")[\\])]\\.?$");

	private static final Pattern TLDR_LINE = Pattern
		.compile("^\\W*(?:tl;?\\s?dr|summary|in short|overview)\\W*?:\\s*\\**\\s*(.*)$", Pattern.CASE_INSENSITIVE);

	private ModelOutput() {
	}

	/**
	 * Reads an answer as JSON if it holds the JSON asked for, else as Markdown or text.
	 * @throws SummarizerFailure (transient, {@code model.unreadable_answer}) if it holds
	 * no usable text at all
	 */
	static Reading read(JsonMapper mapper, String answer) {
		String text = (answer != null) ? answer.strip() : "";
		JsonNode json = json(mapper, text);
		if (json != null) {
			Reading reading = new Reading(json.path("tldr").asString("").strip(), points(json));
			if (!reading.points().isEmpty() || !reading.tldr().isEmpty()) {
				return reading;
			}
		}
		Reading reading = markdown(text);
		if (reading.points().isEmpty() && reading.tldr().isEmpty()) {
			throw SummarizerFailure.temporary(UNREADABLE_CODE,
					"The model's answer held no text Sightline could use as a summary; Sightline will try again.", null,
					null);
		}
		return reading;
	}

	/** The answer's JSON object, or null if it holds none that parses. */
	private static JsonNode json(JsonMapper mapper, String answer) {
		int open = answer.indexOf('{');
		int close = answer.lastIndexOf('}');
		if (open < 0 || close <= open) {
			return null;
		}
		try {
			JsonNode node = mapper.readTree(answer.substring(open, close + 1));
			return node.isObject() ? node : null;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static List<Point> points(JsonNode answer) {
		JsonNode list = answer.has("key_points") ? answer.get("key_points") : answer.path("points");
		List<Point> points = new ArrayList<>();
		for (JsonNode item : list) {
			String text = item.isString() ? item.asString() : item.path("text").asString("");
			JsonNode time = item.path("time").isMissingNode() ? item.path("start_seconds") : item.path("time");
			Double seconds = time.isNumber() ? Double.valueOf(time.asDouble())
					: Timestamps.seconds(time.asString(null));
			if (item.isString()) {
				Point parsed = point(text);
				if (parsed != null) {
					points.add(parsed);
				}
			}
			else if (!text.isBlank()) {
				points.add(new Point(clean(text), seconds));
			}
		}
		return points;
	}

	/**
	 * Markdown or plain text: a TL;DR line or first paragraph, and the list items as
	 * points.
	 */
	private static Reading markdown(String answer) {
		String tldr = "";
		String firstParagraph = "";
		List<Point> points = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		for (String raw : answer.replace("\r", "").split("\n")) {
			String line = raw.strip();
			if (line.startsWith("```") || line.startsWith("#") || line.matches("[-*_=]{3,}")) {
				continue;
			}
			Matcher tldrLine = TLDR_LINE.matcher(line);
			if (tldr.isEmpty() && tldrLine.matches() && !tldrLine.group(1).isBlank()) {
				tldr = clean(tldrLine.group(1));
				continue;
			}
			Matcher item = ITEM.matcher(line);
			if (item.matches()) {
				Point point = point(item.group(1));
				if (point != null) {
					points.add(point);
				}
				continue;
			}
			if (line.isEmpty()) {
				if (firstParagraph.isEmpty() && paragraph.length() > 0) {
					firstParagraph = paragraph.toString().strip();
				}
				paragraph.setLength(0);
			}
			else if (!line.endsWith(":")) {
				paragraph.append(line).append(' ');
			}
		}
		if (firstParagraph.isEmpty() && paragraph.length() > 0 && points.isEmpty()) {
			firstParagraph = paragraph.toString().strip();
		}
		if (tldr.isEmpty()) {
			tldr = clean(firstParagraph);
		}
		if (points.isEmpty()) {
			// no list: each line with a time of its own is a point
			for (String line : answer.split("\n")) {
				Point point = point(line.strip());
				if (point != null && point.seconds() != null) {
					points.add(point);
				}
			}
		}
		return new Reading(tldr, points);
	}

	/**
	 * One point's text and time, wherever the time was written; null if there is no text.
	 */
	private static Point point(String item) {
		String text = item.strip();
		Double seconds = null;
		Matcher leading = LEADING_TIME.matcher(text);
		if (leading.matches() && !leading.group(2).isBlank()) {
			seconds = Timestamps.seconds(leading.group(1));
			text = leading.group(2);
		}
		else {
			Matcher trailing = TRAILING_TIME.matcher(text);
			if (trailing.matches() && !trailing.group(1).isBlank()) {
				seconds = Timestamps.seconds(trailing.group(2));
				text = trailing.group(1);
			}
		}
		String cleaned = clean(text);
		return cleaned.isEmpty() ? null : new Point(cleaned, seconds);
	}

	/** Without Markdown emphasis or a label such as "Key point:", on one line. */
	private static String clean(String text) {
		return text.replaceAll("\\*\\*|__|`", "").replaceAll("\\s+", " ").strip();
	}

}
