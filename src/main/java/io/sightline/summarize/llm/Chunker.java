package io.sightline.summarize.llm;

import java.util.ArrayList;
import java.util.List;

import io.sightline.source.Segment;
import io.sightline.summarize.SummaryMarkdown;
import io.sightline.system.Timestamps;

/**
 * Cuts a transcript into parts that fit a token budget, at segment boundaries, each line
 * carrying its start time ({@code [12:05] text}) so the model can give times for what it
 * reports. Tokens are estimated at four characters each, a safe side for English and
 * Latin scripts; a part the model still finds too long is split again by the caller.
 */
final class Chunker {

	static final int CHARS_PER_TOKEN = 4;

	private Chunker() {
	}

	/** A part of the transcript: its lines, ready for a prompt. */
	record Part(List<String> lines) {

		String text() {
			return String.join("\n", this.lines);
		}

		int tokens() {
			return this.lines.stream().mapToInt(String::length).sum() / CHARS_PER_TOKEN + this.lines.size();
		}

		/**
		 * The part in two halves, for a model whose context it overflowed; empty if it is
		 * one line.
		 */
		List<Part> halves() {
			if (this.lines.size() < 2) {
				return List.of();
			}
			int middle = this.lines.size() / 2;
			return List.of(new Part(this.lines.subList(0, middle)),
					new Part(this.lines.subList(middle, this.lines.size())));
		}

	}

	static List<Part> split(List<Segment> segments, int budgetTokens) {
		List<String> lines = new ArrayList<>();
		for (Segment segment : segments) {
			lines.addAll(lines(segment, budgetTokens));
		}
		return pack(lines, budgetTokens);
	}

	/** Lines packed in order into parts of at most {@code budgetTokens} each. */
	static List<Part> pack(List<String> lines, int budgetTokens) {
		List<Part> parts = new ArrayList<>();
		List<String> current = new ArrayList<>();
		int used = 0;
		for (String line : lines) {
			int cost = line.length() / CHARS_PER_TOKEN + 1;
			if (!current.isEmpty() && used + cost > budgetTokens) {
				parts.add(new Part(List.copyOf(current)));
				current.clear();
				used = 0;
			}
			current.add(line);
			used += cost;
		}
		if (!current.isEmpty()) {
			parts.add(new Part(List.copyOf(current)));
		}
		return parts;
	}

	/**
	 * A segment as prompt lines; one longer than the whole budget is cut at word
	 * boundaries.
	 */
	private static List<String> lines(Segment segment, int budgetTokens) {
		String prefix = segment.isTimed() ? "[" + SummaryMarkdown.timestamp(segment.startSeconds()) + "] " : "";
		String text = segment.text().strip();
		int maxChars = Math.max(200, budgetTokens * CHARS_PER_TOKEN - prefix.length());
		List<String> lines = new ArrayList<>();
		while (text.length() > maxChars) {
			int cut = text.lastIndexOf(' ', maxChars);
			cut = (cut <= 0) ? maxChars : cut;
			lines.add(prefix + text.substring(0, cut).strip());
			text = text.substring(cut).strip();
		}
		if (!text.isEmpty()) {
			lines.add(prefix + text);
		}
		return lines;
	}

	/**
	 * Reads back a timestamp a model wrote: {@code 1:02:03}, {@code 12:05}, or plain
	 * seconds.
	 */
	static Double seconds(String value) {
		return Timestamps.seconds(value);
	}

}
