package io.sightline.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 as Google's rouge-score computes them with its stemmer
 * on: lower-case, every run of characters other than a-z and 0-9 a separator, tokens
 * longer than three characters Porter-stemmed; ROUGE-N from clipped n-gram counts,
 * ROUGE-L from the longest common subsequence of the two token sequences.
 */
final class Rouge {

	record Scores(double rouge1, double rouge2, double rougeL) {
	}

	private Rouge() {
	}

	static Scores score(String reference, String candidate) {
		List<String> ref = tokens(reference);
		List<String> cand = tokens(candidate);
		return new Scores(rougeN(ref, cand, 1), rougeN(ref, cand, 2), rougeL(ref, cand));
	}

	static List<String> tokens(String text) {
		String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
		List<String> tokens = new ArrayList<>();
		if (cleaned.isEmpty()) {
			return tokens;
		}
		for (String token : cleaned.split(" ")) {
			tokens.add((token.length() > 3) ? PorterStemmer.stem(token) : token);
		}
		return tokens;
	}

	static double rougeN(List<String> reference, List<String> candidate, int n) {
		Map<String, Integer> ref = ngrams(reference, n);
		Map<String, Integer> cand = ngrams(candidate, n);
		int overlap = 0;
		for (Map.Entry<String, Integer> entry : cand.entrySet()) {
			overlap += Math.min(entry.getValue(), ref.getOrDefault(entry.getKey(), 0));
		}
		int refTotal = Math.max(0, reference.size() - n + 1);
		int candTotal = Math.max(0, candidate.size() - n + 1);
		return f1(overlap, candTotal, refTotal);
	}

	static double rougeL(List<String> reference, List<String> candidate) {
		return f1(lcs(reference, candidate), candidate.size(), reference.size());
	}

	private static double f1(int overlap, int candidateTotal, int referenceTotal) {
		double precision = (candidateTotal == 0) ? 0 : (double) overlap / candidateTotal;
		double recall = (referenceTotal == 0) ? 0 : (double) overlap / referenceTotal;
		return (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
	}

	private static Map<String, Integer> ngrams(List<String> tokens, int n) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i + n <= tokens.size(); i++) {
			counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
		}
		return counts;
	}

	static int lcs(List<String> a, List<String> b) {
		int[] previous = new int[b.size() + 1];
		int[] current = new int[b.size() + 1];
		for (int i = 1; i <= a.size(); i++) {
			for (int j = 1; j <= b.size(); j++) {
				current[j] = a.get(i - 1).equals(b.get(j - 1)) ? previous[j - 1] + 1
						: Math.max(previous[j], current[j - 1]);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.size()];
	}

}
