package io.sightline.source;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sightline.system.Words;

/**
 * A source's text in order. {@code skippedCues} counts malformed cues that were left out,
 * and {@code wordsLeftOut} the words past the cap on how much of a source is read, so a
 * summary can say the transcript was incomplete instead of hiding it.
 */
public record Transcript(List<Segment> segments, String language, int skippedCues, Long wordsLeftOut) {

	public Transcript {
		segments = List.copyOf(segments);
		// transcripts stored before the cap existed have none
		wordsLeftOut = (wordsLeftOut != null) ? wordsLeftOut : 0L;
	}

	public Transcript(List<Segment> segments, String language, int skippedCues) {
		this(segments, language, skippedCues, 0L);
	}

	/**
	 * The transcript up to its {@code maxWords}th word: a segment that crosses the cap
	 * keeps its words up to it (a text of one long line is cut inside that line), and the
	 * words left out are counted.
	 */
	public Transcript cappedAt(int maxWords) {
		Cap cap = new Cap(maxWords);
		this.segments.forEach(cap::add);
		if (cap.wordsLeftOut == 0) {
			return this;
		}
		return new Transcript(cap.kept, this.language, this.skippedCues, this.wordsLeftOut + cap.wordsLeftOut);
	}

	/** Whether words of the source were left out by the cap. */
	@JsonIgnore
	public boolean isCut() {
		return this.wordsLeftOut > 0;
	}

	@JsonIgnore
	public int characters() {
		return this.segments.stream().mapToInt((segment) -> segment.text().length()).sum();
	}

	@JsonIgnore
	public boolean isTimed() {
		return !this.segments.isEmpty() && this.segments.get(0).isTimed();
	}

	/** Where the last timed segment ends, in whole seconds, or null without timing. */
	@JsonIgnore
	public Integer durationSeconds() {
		return this.segments.stream()
			.filter(Segment::isTimed)
			.map((segment) -> segment.startSeconds()
					+ ((segment.durationSeconds() != null) ? segment.durationSeconds() : 0))
			.max(Double::compare)
			.map((end) -> (int) Math.round(end))
			.orElse(null);
	}

	/**
	 * Segments kept up to a number of words, and the words past it counted only: what is
	 * past the cap is never kept, so reading a source costs memory up to the cap whatever
	 * its size.
	 */
	public static final class Cap {

		private final int maxWords;

		private final List<Segment> kept = new ArrayList<>();

		private int words;

		private long wordsLeftOut;

		public Cap(int maxWords) {
			this.maxWords = maxWords;
		}

		public void add(Segment segment) {
			if (this.wordsLeftOut > 0 || this.words >= this.maxWords) {
				this.wordsLeftOut += Words.count(segment.text());
				return;
			}
			int inSegment = Words.count(segment.text());
			if (this.words + inSegment <= this.maxWords) {
				this.kept.add(segment);
				this.words += inSegment;
				return;
			}
			int room = this.maxWords - this.words;
			this.kept
				.add(new Segment(segment.startSeconds(), segment.durationSeconds(), Words.first(segment.text(), room)));
			this.words = this.maxWords;
			this.wordsLeftOut += inSegment - room;
		}

		public List<Segment> kept() {
			return this.kept;
		}

		public long wordsLeftOut() {
			return this.wordsLeftOut;
		}

	}

}
