package io.sightline.source.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import io.sightline.source.Transcript;
import io.sightline.system.Timestamps;

/**
 * Parses uploaded transcripts. SRT and WebVTT keep each cue's timing; a malformed cue is
 * skipped and counted, never fatal. Plain text and markdown become untimed paragraphs.
 */
public final class TranscriptParser {

	/**
	 * A speaker's name opening a line: {@code Project Manager: },
	 * {@code Hon. Bill Morneau: }.
	 */
	private static final Pattern SPEAKER_TURN = Pattern.compile("\\p{Lu}[^:\\n]{0,60}?:\\s");

	private static final Pattern CUE_TIMING = Pattern.compile(
			"^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)(?:\\s.*)?$");

	private static final Pattern MARKDOWN_DECORATION = Pattern
		.compile("(^#{1,6}[ \\t]+)|(^[ \\t]*[-*+][ \\t]+)|(^[ \\t]*>[ \\t]?)|[*_`]{1,3}", Pattern.MULTILINE);

	private TranscriptParser() {
	}

	public static Transcript parse(UploadFormat format, String text) {
		return parse(format, text, Integer.MAX_VALUE);
	}

	/**
	 * Parses the text, keeping segments up to {@code maxWords} words: past them the text
	 * is read only to count its words, so the memory a file costs stops growing at the
	 * cap whatever its size and shape. One pass over the text, block by block.
	 */
	public static Transcript parse(UploadFormat format, String text, int maxWords) {
		Transcript.Cap cap = new Transcript.Cap(maxWords);
		int skipped = switch (format) {
			case SRT, VTT -> cues(text, format == UploadFormat.VTT, cap);
			case TXT -> paragraphs(text, false, cap);
			case MD -> paragraphs(text, true, cap);
		};
		if (cap.kept().isEmpty()) {
			String what = format.isTimed() ? "no readable subtitle cues" : "no text";
			throw SourceFailure.permanent("upload.binary",
					"The file has " + what + " in it; upload a transcript or subtitle file with " + "text"
							+ (format.isTimed() ? " and valid cue timings." : "."));
		}
		return new Transcript(cap.kept(), null, skipped, cap.wordsLeftOut());
	}

	/**
	 * Where the file's last cue ends, in whole seconds, read from its timing lines alone;
	 * null for a file without timing.
	 */
	public static Integer durationSeconds(UploadFormat format, String text) {
		if (!format.isTimed()) {
			return null;
		}
		double end = -1;
		int from = 0;
		while (from < text.length()) {
			int arrow = text.indexOf("-->", from);
			if (arrow < 0) {
				break;
			}
			int lineStart = text.lastIndexOf('\n', arrow) + 1;
			int lineEnd = lineEnd(text, arrow);
			Matcher timing = CUE_TIMING.matcher(text.substring(lineStart, lineEnd));
			if (timing.matches()) {
				Double cueEnd = Timestamps.seconds(timing.group(2));
				end = (cueEnd != null) ? Math.max(end, cueEnd) : end;
			}
			from = lineEnd + 1;
		}
		return (end >= 0) ? (int) Math.round(end) : null;
	}

	private static int cues(String text, boolean webVtt, Transcript.Cap cap) {
		int skipped = 0;
		boolean first = true;
		for (Blocks blocks = new Blocks(text); blocks.hasNext();) {
			List<String> lines = blocks.next();
			if (first && webVtt && lines.get(0).startsWith("WEBVTT")) {
				first = false;
				continue;
			}
			first = false;
			String head = lines.get(0);
			if (webVtt && (head.startsWith("NOTE") || head.equals("STYLE") || head.equals("REGION"))) {
				continue;
			}
			int timingLine = -1;
			for (int i = 0; i < Math.min(2, lines.size()); i++) {
				if (lines.get(i).contains("-->")) {
					timingLine = i;
					break;
				}
			}
			Matcher timing = (timingLine >= 0) ? CUE_TIMING.matcher(lines.get(timingLine)) : null;
			if (timing == null || !timing.matches()) {
				skipped++;
				continue;
			}
			double start = seconds(timing.group(1));
			double end = seconds(timing.group(2));
			if (end < start) {
				skipped++;
				continue;
			}
			StringBuilder cueText = new StringBuilder();
			for (int i = timingLine + 1; i < lines.size(); i++) {
				String line = cleanCueLine(lines.get(i));
				if (!line.isEmpty()) {
					if (cueText.length() > 0) {
						cueText.append(' ');
					}
					cueText.append(line);
				}
			}
			if (cueText.length() > 0) {
				cap.add(new Segment(start, end - start, cueText.toString()));
			}
		}
		return skipped;
	}

	private static String cleanCueLine(String line) {
		String cleaned = Markup.withoutTags(line);
		cleaned = cleaned.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&nbsp;", " ");
		return cleaned.strip();
	}

	private static int paragraphs(String text, boolean markdown, Transcript.Cap cap) {
		List<String> paragraph = new ArrayList<>();
		for (Blocks blocks = new Blocks(text); blocks.hasNext();) {
			for (String line : blocks.next()) {
				String plain = markdown ? withoutMarkdown(line) : line;
				if (plain.isEmpty()) {
					// a fence or a rule ends a paragraph as a blank line does
					paragraph(paragraph, cap);
				}
				else {
					paragraph.add(plain);
				}
			}
			paragraph(paragraph, cap);
		}
		return 0;
	}

	/** A paragraph's lines as segments (one per turn of a dialogue); clears the lines. */
	private static void paragraph(List<String> lines, Transcript.Cap cap) {
		if (lines.isEmpty()) {
			return;
		}
		if (isDialogue(lines)) {
			lines.forEach((line) -> cap.add(new Segment(null, null, line)));
		}
		else {
			cap.add(new Segment(null, null, String.join(" ", lines)));
		}
		lines.clear();
	}

	/**
	 * Lines that mostly start with a speaker's name ({@code Project Manager: …}) are
	 * turns of a dialogue, one segment each.
	 */
	private static boolean isDialogue(List<String> lines) {
		if (lines.size() < 3) {
			return false;
		}
		long labelled = lines.stream().filter((line) -> SPEAKER_TURN.matcher(line).lookingAt()).count();
		return labelled * 10 >= lines.size() * 6L;
	}

	/** A line without markdown: a fence line, links (as their text) and decoration go. */
	private static String withoutMarkdown(String line) {
		if (line.startsWith("```")) {
			return "";
		}
		return MARKDOWN_DECORATION.matcher(Markup.withoutLinks(line)).replaceAll("").strip();
	}

	private static int lineEnd(String text, int from) {
		int end = text.indexOf('\n', from);
		return (end < 0) ? text.length() : end;
	}

	/**
	 * The text's blocks in order: runs of lines that are not blank, each line stripped,
	 * at most {@value #MAX_LINES} lines each (a longer run goes on in the next block). A
	 * forward scan, so a file is never split whole into an array of its pieces, and a
	 * file without blank lines costs no more than one with them.
	 */
	private static final class Blocks {

		static final int MAX_LINES = 1000;

		private final String text;

		private int from;

		private List<String> next;

		Blocks(String text) {
			this.text = text;
			advance();
		}

		boolean hasNext() {
			return this.next != null;
		}

		List<String> next() {
			List<String> block = this.next;
			advance();
			return block;
		}

		private void advance() {
			List<String> lines = new ArrayList<>();
			while (this.from < this.text.length()) {
				int end = lineEnd(this.text, this.from);
				String line = this.text.substring(this.from, end).strip();
				this.from = end + 1;
				if (!line.isEmpty()) {
					lines.add(line);
					if (lines.size() == MAX_LINES) {
						break;
					}
				}
				else if (!lines.isEmpty()) {
					break;
				}
			}
			this.next = lines.isEmpty() ? null : lines;
		}

	}

	/**
	 * Reads {@code HH:MM:SS,mmm}, {@code MM:SS.mmm} and the like (matched by the cue
	 * pattern).
	 */
	static double seconds(String timestamp) {
		Double seconds = Timestamps.seconds(timestamp);
		if (seconds == null) {
			throw SourceFailure.permanent("upload.bad_timestamp", "The time " + timestamp
					+ " in the file is not one a subtitle file can have; fix it (such as 00:01:02,500) and upload"
					+ " the file again.");
		}
		return seconds;
	}

}
