package io.sightline.source.upload;

import java.util.ArrayList;
import java.util.Arrays;
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
		Transcript transcript = switch (format) {
			case SRT, VTT -> cues(text, format == UploadFormat.VTT);
			case TXT -> paragraphs(text, false);
			case MD -> paragraphs(text, true);
		};
		if (transcript.segments().isEmpty()) {
			String what = format.isTimed() ? "no readable subtitle cues" : "no text";
			throw SourceFailure.permanent("upload.binary",
					"The file has " + what + " in it; upload a transcript or subtitle file with " + "text"
							+ (format.isTimed() ? " and valid cue timings." : "."));
		}
		return transcript;
	}

	private static Transcript cues(String text, boolean webVtt) {
		List<Segment> segments = new ArrayList<>();
		int skipped = 0;
		boolean first = true;
		for (String block : text.split("\\n\\s*\\n")) {
			String[] lines = block.strip().split("\\n");
			if (lines.length == 0 || lines[0].isBlank()) {
				continue;
			}
			if (first && webVtt && lines[0].startsWith("WEBVTT")) {
				first = false;
				continue;
			}
			first = false;
			if (webVtt && (lines[0].startsWith("NOTE") || lines[0].equals("STYLE") || lines[0].equals("REGION"))) {
				continue;
			}
			int timingLine = -1;
			for (int i = 0; i < Math.min(2, lines.length); i++) {
				if (lines[i].contains("-->")) {
					timingLine = i;
					break;
				}
			}
			Matcher timing = (timingLine >= 0) ? CUE_TIMING.matcher(lines[timingLine]) : null;
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
			for (int i = timingLine + 1; i < lines.length; i++) {
				String line = cleanCueLine(lines[i]);
				if (!line.isEmpty()) {
					if (cueText.length() > 0) {
						cueText.append(' ');
					}
					cueText.append(line);
				}
			}
			if (cueText.length() > 0) {
				segments.add(new Segment(start, end - start, cueText.toString()));
			}
		}
		return new Transcript(segments, null, skipped);
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

	private static Transcript paragraphs(String text, boolean markdown) {
		List<Segment> segments = new ArrayList<>();
		String body = markdown ? stripMarkdown(text) : text;
		for (String paragraph : body.split("\\n\\s*\\n")) {
			String[] lines = paragraph.strip().split("\\s*\\n\\s*");
			if (isDialogue(lines)) {
				for (String line : lines) {
					if (!line.isBlank()) {
						segments.add(new Segment(null, null, line.strip()));
					}
				}
				continue;
			}
			String joined = String.join(" ", lines).strip();
			if (!joined.isEmpty()) {
				segments.add(new Segment(null, null, joined));
			}
		}
		return new Transcript(segments, null, 0);
	}

	/**
	 * Lines that mostly start with a speaker's name ({@code Project Manager: …}) are
	 * turns of a dialogue, one segment each.
	 */
	private static boolean isDialogue(String[] lines) {
		if (lines.length < 3) {
			return false;
		}
		long labelled = Arrays.stream(lines).filter((line) -> SPEAKER_TURN.matcher(line).lookingAt()).count();
		return labelled * 10 >= lines.length * 6L;
	}

	private static String stripMarkdown(String text) {
		String withoutFences = text.replaceAll("(?m)^```.*$", "");
		String withoutLinks = Markup.withoutLinks(withoutFences);
		return MARKDOWN_DECORATION.matcher(withoutLinks).replaceAll("");
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
