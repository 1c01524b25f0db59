package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sightline.source.Chapter;

/**
 * Chapters for a long timed transcript, found where its vocabulary shifts (TextTiling):
 * the words of the sentences before each gap are compared with those after it, and the
 * deepest valleys of that similarity, far enough apart, start chapters. A chapter's title
 * is its most distinctive words, those it uses often and the others seldom.
 */
final class TopicSegmenter {

	/** A transcript shorter than this gets no chapters. */
	static final double MIN_SECONDS = 600;

	/** Sentences on each side of a gap. */
	static final int MIN_WINDOW = 6;

	static final int MAX_WINDOW = 20;

	/** About one chapter per this many minutes, from 4 to 12. */
	static final double MINUTES_PER_CHAPTER = 7;

	static final int MIN_CHAPTERS = 4;

	static final int MAX_CHAPTERS = 12;

	static final int TITLE_WORDS = 3;

	/** A word said fewer times in a part does not name it. */
	static final int MIN_TITLE_COUNT = 3;

	private TopicSegmenter() {
	}

	/**
	 * The chapters of the sentences (in time order, each with its content words as
	 * {@code [token, word]} pairs), or none for a transcript that is short or untimed.
	 */
	static List<Chapter> chapters(List<Sentence> sentences, List<List<String[]>> words) {
		if (sentences.isEmpty() || sentences.get(0).startSeconds() == null) {
			return List.of();
		}
		double start = sentences.get(0).startSeconds();
		double end = sentences.get(sentences.size() - 1).startSeconds();
		int window = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, sentences.size() / 40));
		if (end - start < MIN_SECONDS || sentences.size() < 4 * window) {
			return List.of();
		}
		int wanted = (int) Math.max(MIN_CHAPTERS,
				Math.min(MAX_CHAPTERS, Math.round((end - start) / 60 / MINUTES_PER_CHAPTER)));
		double[] similarity = smoothed(similarities(words, window));
		List<Integer> starts = boundaries(sentences, similarity, window, wanted, (end - start) / (2.0 * wanted));
		List<Chapter> chapters = new ArrayList<>();
		List<List<List<String[]>>> parts = new ArrayList<>();
		for (int c = 0; c < starts.size(); c++) {
			int from = starts.get(c);
			int to = (c + 1 < starts.size()) ? starts.get(c + 1) : sentences.size();
			parts.add(words.subList(from, to));
		}
		List<String> titles = titles(parts);
		for (int c = 0; c < starts.size(); c++) {
			chapters.add(new Chapter((c == 0) ? start : sentences.get(starts.get(c)).startSeconds(), titles.get(c)));
		}
		return chapters;
	}

	/**
	 * The cosine of the word counts before and after each gap (gap g: before sentence g).
	 */
	private static double[] similarities(List<List<String[]>> words, int window) {
		double[] similarity = new double[words.size()];
		Arrays.fill(similarity, Double.NaN);
		for (int gap = window; gap <= words.size() - window; gap++) {
			Map<String, Integer> before = counts(words.subList(gap - window, gap));
			Map<String, Integer> after = counts(words.subList(gap, gap + window));
			double dot = 0;
			for (Map.Entry<String, Integer> entry : before.entrySet()) {
				dot += entry.getValue() * after.getOrDefault(entry.getKey(), 0);
			}
			double norms = norm(before) * norm(after);
			similarity[gap] = (norms == 0) ? 0 : dot / norms;
		}
		return similarity;
	}

	private static double[] smoothed(double[] values) {
		double[] out = values.clone();
		for (int i = 1; i + 1 < values.length; i++) {
			if (!Double.isNaN(values[i - 1]) && !Double.isNaN(values[i]) && !Double.isNaN(values[i + 1])) {
				out[i] = (values[i - 1] + values[i] + values[i + 1]) / 3;
			}
		}
		return out;
	}

	/**
	 * The first sentence of each chapter: 0, then the gaps of deepest valleys, each at
	 * least {@code minSeconds} from the others and from both ends.
	 */
	private static List<Integer> boundaries(List<Sentence> sentences, double[] similarity, int window, int wanted,
			double minSeconds) {
		List<double[]> valleys = new ArrayList<>();
		for (int gap = window; gap <= sentences.size() - window; gap++) {
			if (Double.isNaN(similarity[gap])) {
				continue;
			}
			double left = similarity[gap];
			for (int i = gap - 1; i >= 0 && !Double.isNaN(similarity[i]) && similarity[i] >= left; i--) {
				left = similarity[i];
			}
			double right = similarity[gap];
			for (int i = gap + 1; i < similarity.length && !Double.isNaN(similarity[i])
					&& similarity[i] >= right; i++) {
				right = similarity[i];
			}
			double depth = (left - similarity[gap]) + (right - similarity[gap]);
			if (depth > 0) {
				valleys.add(new double[] { gap, depth });
			}
		}
		valleys.sort(Comparator.comparingDouble((double[] valley) -> valley[1]).reversed());
		double first = sentences.get(0).startSeconds();
		double last = sentences.get(sentences.size() - 1).startSeconds();
		List<Integer> chosen = new ArrayList<>();
		chosen.add(0);
		for (double[] valley : valleys) {
			if (chosen.size() >= wanted) {
				break;
			}
			int gap = (int) valley[0];
			double at = sentences.get(gap).startSeconds();
			boolean apart = at - first >= minSeconds && last - at >= minSeconds && chosen.stream()
				.allMatch((other) -> Math.abs(sentences.get(other).startSeconds() - at) >= minSeconds);
			if (apart) {
				chosen.add(gap);
			}
		}
		chosen.sort(Comparator.naturalOrder());
		return chosen;
	}

	/**
	 * Each part's title: its most distinctive words (said often in it, and mostly there),
	 * as they are most often written (a name keeps its capital), the first capitalized.
	 */
	static List<String> titles(List<List<List<String[]>>> parts) {
		List<Map<String, Integer>> counts = new ArrayList<>();
		Map<String, Integer> total = new HashMap<>();
		for (List<List<String[]>> part : parts) {
			Map<String, Integer> count = counts(part);
			counts.add(count);
			count.forEach((token, n) -> total.merge(token, n, Integer::sum));
		}
		List<String> titles = new ArrayList<>();
		for (int p = 0; p < parts.size(); p++) {
			Map<String, Integer> count = counts.get(p);
			Map<String, String> written = writtenForms(parts.get(p));
			List<String> best = count.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() >= MIN_TITLE_COUNT && entry.getKey().length() > 2
						&& !entry.getKey().chars().allMatch(Character::isDigit))
				.sorted(Comparator
					.comparingDouble((Map.Entry<String, Integer> entry) -> distinctiveness(entry.getValue(),
							total.get(entry.getKey())))
					.reversed()
					.thenComparing(Map.Entry::getKey))
				.limit(TITLE_WORDS)
				.map((entry) -> written.get(entry.getKey()))
				.toList();
			titles.add(best.isEmpty() ? "Part " + (p + 1) : title(best));
		}
		return titles;
	}

	/** Said often in the part, and mostly there: its count times its share, squared. */
	private static double distinctiveness(int count, int total) {
		double share = count / (double) total;
		return count * share * share;
	}

	private static String title(List<String> words) {
		String joined = (words.size() == 1) ? words.get(0)
				: String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
		return joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
	}

	/** The form each token is most often written in. */
	private static Map<String, String> writtenForms(List<List<String[]>> part) {
		Map<String, Map<String, Integer>> forms = new HashMap<>();
		for (List<String[]> sentence : part) {
			for (String[] pair : sentence) {
				forms.computeIfAbsent(pair[0], (token) -> new HashMap<>()).merge(pair[1], 1, Integer::sum);
			}
		}
		Map<String, String> written = new HashMap<>();
		forms.forEach((token, seen) -> written.put(token,
				seen.entrySet()
					.stream()
					.max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
					.orElseThrow()
					.getKey()));
		return written;
	}

	private static Map<String, Integer> counts(List<List<String[]>> sentences) {
		Map<String, Integer> counts = new HashMap<>();
		for (List<String[]> sentence : sentences) {
			for (String[] pair : sentence) {
				counts.merge(pair[0], 1, Integer::sum);
			}
		}
		return counts;
	}

	private static double norm(Map<String, Integer> counts) {
		double sum = 0;
		for (int value : counts.values()) {
			sum += (double) value * value;
		}
		return Math.sqrt(sum);
	}

}
