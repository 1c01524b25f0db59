package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.Segment;

/**
 * Builds sentences from transcript segments. Punctuation ends a sentence where there is
 * some; where auto-captions have none, a pause between cues or a run that grows too long
 * ends it. Each sentence starts at the time of the cue it begins in, interpolated within
 * the cue.
 */
final class SentenceSplitter {

	static final double PAUSE_SECONDS = 1.5;

	static final int MIN_WORDS_BEFORE_PAUSE_BREAK = 8;

	static final int MAX_WORDS = 45;

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?…。！？]+[\"'”’)\\]]*(?=\\s|$)");

	private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g",
			"i.e", "jr", "sr", "no", "vol", "fig", "approx", "inc", "ltd", "co");

	private final String language;

	private final List<Sentence> sentences = new ArrayList<>();

	private final StringBuilder current = new StringBuilder();

	private Double currentStart;

	private int currentWords;

	private SentenceSplitter(String language) {
		this.language = language;
	}

	static List<Sentence> split(List<Segment> segments, String language) {
		SentenceSplitter splitter = new SentenceSplitter(language);
		Segment previous = null;
		for (Segment segment : segments) {
			splitter.add(segment, previous);
			previous = segment;
		}
		splitter.flush();
		return splitter.sentences;
	}

	private void add(Segment segment, Segment previous) {
		String text = TranscriptCleaner.clean(segment.text(), this.language);
		if (text.isEmpty()) {
			return;
		}
		if (previous != null && segment.isTimed() && previous.isTimed() && previous.durationSeconds() != null) {
			double pause = segment.startSeconds() - (previous.startSeconds() + previous.durationSeconds());
			if (pause >= PAUSE_SECONDS && this.currentWords >= MIN_WORDS_BEFORE_PAUSE_BREAK) {
				flush();
			}
		}
		if (this.currentWords >= MAX_WORDS) {
			flush();
		}
		int from = 0;
		Matcher end = SENTENCE_END.matcher(text);
		while (end.find()) {
			if (isAbbreviation(text, end.start())) {
				continue;
			}
			append(text.substring(from, end.end()), segment, from, text.length());
			flush();
			from = end.end();
		}
		if (from < text.length()) {
			append(text.substring(from), segment, from, text.length());
		}
		if (!segment.isTimed()) {
			flush();
		}
	}

	private void append(String piece, Segment segment, int offset, int length) {
		String trimmed = piece.strip();
		if (trimmed.isEmpty()) {
			return;
		}
		if (this.current.length() == 0) {
			this.currentStart = segment.isTimed() ? startWithin(segment, offset, length) : null;
		}
		else {
			this.current.append(' ');
		}
		this.current.append(trimmed);
		this.currentWords += trimmed.split("\\s+").length;
	}

	private static double startWithin(Segment segment, int offset, int length) {
		double duration = (segment.durationSeconds() != null) ? segment.durationSeconds() : 0;
		return segment.startSeconds() + ((length == 0) ? 0 : duration * offset / length);
	}

	private boolean isAbbreviation(String text, int dot) {
		if (text.charAt(dot) != '.') {
			return false;
		}
		int wordStart = dot;
		while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
			wordStart--;
		}
		String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
		return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
	}

	private void flush() {
		String text = TranscriptCleaner.trimLeadingMarkers(this.current.toString(), this.language);
		if (!text.isEmpty()) {
			this.sentences.add(new Sentence(this.sentences.size(), text, this.currentStart));
		}
		this.current.setLength(0);
		this.currentStart = null;
		this.currentWords = 0;
	}

}
