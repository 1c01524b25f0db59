package io.sightline.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.sightline.library.SearchTerms.Word;
import io.sightline.source.Chapter;
import io.sightline.source.Segment;
import io.sightline.summarize.KeyPoint;

/**
 * What a search weighs in a summary, and the snippet it shows of it. A term's weight is
 * the sum, over the fields it is in, of the field's weight times how often it is there
 * (at most three times): a title word outweighs a word said once in the transcript.
 */
final class Snippets {

	static final int TITLE = 10;

	static final int CHANNEL = 6;

	static final int SUMMARY = 4;

	static final int KEY_POINT = 3;

	static final int TRANSCRIPT = 1;

	private static final int MAX_REPEATS = 3;

	/**
	 * How long a snippet is at most, in characters, before it is cut around its words.
	 */
	private static final int MAX_LENGTH = 220;

	private Snippets() {
	}

	/** The weight of each term of a summary's fields. */
	static Map<String, Integer> weights(String title, String channel, String tldr, List<KeyPoint> keyPoints,
			List<Chapter> chapters, List<Segment> transcript) {
		Map<String, Integer> weights = new TreeMap<>();
		add(weights, title, TITLE);
		add(weights, channel, CHANNEL);
		add(weights, tldr, SUMMARY);
		keyPoints.forEach((point) -> add(weights, point.text(), KEY_POINT));
		chapters.forEach((chapter) -> add(weights, chapter.title(), SUMMARY));
		Map<String, Integer> spoken = new TreeMap<>();
		transcript.forEach(
				(segment) -> SearchTerms.of(segment.text()).forEach((term) -> spoken.merge(term, 1, Integer::sum)));
		spoken.forEach((term, count) -> weights.merge(term, TRANSCRIPT * Math.min(count, MAX_REPEATS), Integer::sum));
		return weights;
	}

	private static void add(Map<String, Integer> weights, String text, int weight) {
		Map<String, Integer> counts = new TreeMap<>();
		SearchTerms.of(text).forEach((term) -> counts.merge(term, 1, Integer::sum));
		counts.forEach((term, count) -> weights.merge(term, weight * Math.min(count, MAX_REPEATS), Integer::sum));
	}

	/**
	 * The best snippet for the query among the candidates, in their order of preference:
	 * the one with the most of the query's terms, or null when none has any.
	 */
	static Snippet best(List<String> query, List<Candidate> candidates) {
		Snippet best = null;
		int bestHits = 0;
		for (Candidate candidate : candidates) {
			List<Word> hits = hits(candidate.text(), query);
			int distinct = (int) query.stream()
				.filter((term) -> hits.stream().anyMatch((word) -> SearchTerms.matches(word.term(), term)))
				.count();
			if (distinct > bestHits) {
				bestHits = distinct;
				best = cut(candidate, hits);
				if (distinct == query.size()) {
					break;
				}
			}
		}
		return best;
	}

	/**
	 * The text's words that match one of the query's terms; a part of a joined word that
	 * matches too ("Script" of "JavaScript") is its whole word's hit.
	 */
	private static List<Word> hits(String text, List<String> query) {
		List<Word> hits = new ArrayList<>();
		for (Word word : SearchTerms.words(text)) {
			boolean inside = !hits.isEmpty() && word.start() < hits.get(hits.size() - 1).end();
			if (!inside && query.stream().anyMatch((term) -> SearchTerms.matches(word.term(), term))) {
				hits.add(word);
			}
		}
		return hits;
	}

	/**
	 * The candidate, cut to a window around its first hit when it is long, with its hits
	 * marked.
	 */
	private static Snippet cut(Candidate candidate, List<Word> hits) {
		String text = candidate.text();
		int from = 0;
		int to = text.length();
		if (text.length() > MAX_LENGTH) {
			int first = hits.get(0).start();
			from = Math.max(0, first - MAX_LENGTH / 3);
			int space = text.lastIndexOf(' ', from);
			from = (from == 0 || space < 0) ? from : space + 1;
			to = Math.min(text.length(), from + MAX_LENGTH);
			int end = text.lastIndexOf(' ', to);
			to = (to == text.length() || end <= from) ? to : end;
		}
		String prefix = (from > 0) ? "…" : "";
		String suffix = (to < text.length()) ? "…" : "";
		List<Snippet.Highlight> highlights = new ArrayList<>();
		for (Word hit : hits) {
			if (hit.start() >= from && hit.end() <= to) {
				int start = hit.start() - from + prefix.length();
				highlights.add(new Snippet.Highlight(start, start + hit.end() - hit.start()));
			}
		}
		return new Snippet(prefix + text.substring(from, to) + suffix, candidate.field(), candidate.startSeconds(),
				highlights);
	}

	/** A piece of a summary a snippet may be made of: its text, field and time. */
	record Candidate(String text, String field, Double startSeconds) {
	}

}
