package io.sightline.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.sightline.source.Segment;
import io.sightline.summarize.Passage;

/**
 * The passages of a transcript that match a question best: the transcript in windows of
 * about {@value #WINDOW_WORDS} words (each with its first segment's time), ranked by BM25
 * against the question's words.
 */
final class Passages {

	static final int WINDOW_WORDS = 60;

	private static final double K1 = 1.2;

	private static final double B = 0.75;

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "of", "to", "in", "on",
			"at", "for", "with", "is", "are", "was", "were", "be", "it", "its", "this", "that", "what", "which", "who",
			"how", "why", "when", "where", "do", "does", "did", "about", "they", "he", "she", "we", "you", "i", "say",
			"said", "says");

	private Passages() {
	}

	/**
	 * At most {@code count} passages, best first; none if no word of the question is in
	 * the transcript.
	 */
	static List<Passage> best(List<Segment> segments, String question, int count) {
		List<Passage> windows = windows(segments);
		List<String> terms = words(question).stream().filter((word) -> !STOP_WORDS.contains(word)).distinct().toList();
		if (windows.isEmpty() || terms.isEmpty()) {
			return List.of();
		}
		List<Map<String, Integer>> frequencies = new ArrayList<>();
		Map<String, Integer> documentFrequency = new HashMap<>();
		long totalLength = 0;
		List<Integer> lengths = new ArrayList<>();
		for (Passage window : windows) {
			Map<String, Integer> counts = new HashMap<>();
			List<String> words = words(window.text());
			words.forEach((word) -> counts.merge(word, 1, Integer::sum));
			counts.keySet().forEach((word) -> documentFrequency.merge(word, 1, Integer::sum));
			frequencies.add(counts);
			lengths.add(words.size());
			totalLength += words.size();
		}
		double averageLength = Math.max(1, totalLength / (double) windows.size());
		int n = windows.size();
		List<double[]> scored = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double score = 0;
			for (String term : terms) {
				int tf = frequencies.get(i).getOrDefault(term, 0);
				if (tf == 0) {
					continue;
				}
				int df = documentFrequency.get(term);
				double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
				score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths.get(i) / averageLength));
			}
			if (score > 0) {
				scored.add(new double[] { i, score });
			}
		}
		return scored.stream()
			.sorted(Comparator.comparingDouble((double[] entry) -> entry[1]).reversed())
			.limit(count)
			.map((entry) -> windows.get((int) entry[0]))
			.toList();
	}

	private static List<Passage> windows(List<Segment> segments) {
		List<Passage> windows = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		Double start = null;
		int words = 0;
		for (Segment segment : segments) {
			if (text.length() == 0) {
				start = segment.startSeconds();
			}
			text.append(segment.text()).append(' ');
			words += segment.text().split("\\s+").length;
			if (words >= WINDOW_WORDS) {
				windows.add(new Passage(start, text.toString().strip()));
				text.setLength(0);
				words = 0;
			}
		}
		if (text.length() > 0) {
			windows.add(new Passage(start, text.toString().strip()));
		}
		return windows;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() > 1) {
				words.add(word);
			}
		}
		return words;
	}

}
