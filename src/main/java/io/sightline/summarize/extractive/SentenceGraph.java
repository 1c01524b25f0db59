package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * LexRank over sentences: TF-IDF vectors, cosine similarity through an inverted index (so
 * only sentences sharing a word are compared), a weighted graph of the pairs above a
 * threshold, and PageRank by power iteration. {@link #similarity} serves redundancy
 * control afterwards.
 */
final class SentenceGraph {

	static final double EDGE_THRESHOLD = 0.1;

	static final double DAMPING = 0.85;

	private final List<Map<Integer, Double>> similarities;

	private final double[] scores;

	private SentenceGraph(List<Map<Integer, Double>> similarities, double[] scores) {
		this.similarities = similarities;
		this.scores = scores;
	}

	/** Ranks the sentences; {@code prior} weighs each sentence's score (by its index). */
	static SentenceGraph rank(List<List<String>> tokenized, IntToDoubleFunction prior) {
		int n = tokenized.size();
		List<Map<Integer, Double>> vectors = tfIdf(tokenized);
		Map<Integer, List<Integer>> postings = new HashMap<>();
		List<Map<Integer, Double>> similarities = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			similarities.add(new HashMap<>());
		}
		for (int i = 0; i < n; i++) {
			for (Integer term : vectors.get(i).keySet()) {
				postings.computeIfAbsent(term, (t) -> new ArrayList<>()).add(i);
			}
		}
		double[] accumulator = new double[n];
		for (int i = 0; i < n; i++) {
			Arrays.fill(accumulator, 0);
			for (Map.Entry<Integer, Double> entry : vectors.get(i).entrySet()) {
				for (int j : postings.get(entry.getKey())) {
					if (j > i) {
						accumulator[j] += entry.getValue() * vectors.get(j).get(entry.getKey());
					}
				}
			}
			for (int j = i + 1; j < n; j++) {
				if (accumulator[j] > 0) {
					similarities.get(i).put(j, accumulator[j]);
					similarities.get(j).put(i, accumulator[j]);
				}
			}
		}
		double[] scores = pageRank(similarities, n);
		for (int i = 0; i < n; i++) {
			scores[i] *= prior.applyAsDouble(i);
		}
		return new SentenceGraph(similarities, scores);
	}

	double score(int sentence) {
		return this.scores[sentence];
	}

	double similarity(int a, int b) {
		return (a == b) ? 1.0 : this.similarities.get(a).getOrDefault(b, 0.0);
	}

	private static List<Map<Integer, Double>> tfIdf(List<List<String>> tokenized) {
		Map<String, Integer> ids = new HashMap<>();
		Map<Integer, Integer> documentFrequency = new HashMap<>();
		List<Map<Integer, Integer>> counts = new ArrayList<>();
		for (List<String> tokens : tokenized) {
			Map<Integer, Integer> termCounts = new HashMap<>();
			for (String token : tokens) {
				termCounts.merge(ids.computeIfAbsent(token, (t) -> ids.size()), 1, Integer::sum);
			}
			termCounts.keySet().forEach((term) -> documentFrequency.merge(term, 1, Integer::sum));
			counts.add(termCounts);
		}
		int n = tokenized.size();
		List<Map<Integer, Double>> vectors = new ArrayList<>(n);
		for (Map<Integer, Integer> termCounts : counts) {
			Map<Integer, Double> vector = new HashMap<>();
			double norm = 0;
			for (Map.Entry<Integer, Integer> entry : termCounts.entrySet()) {
				double idf = Math.log((n + 1.0) / (documentFrequency.get(entry.getKey()) + 1.0)) + 1.0;
				double weight = (1 + Math.log(entry.getValue())) * idf;
				vector.put(entry.getKey(), weight);
				norm += weight * weight;
			}
			double length = Math.sqrt(norm);
			if (length > 0) {
				vector.replaceAll((term, weight) -> weight / length);
			}
			vectors.add(vector);
		}
		return vectors;
	}

	private static double[] pageRank(List<Map<Integer, Double>> similarities, int n) {
		double[] rank = new double[n];
		if (n == 0) {
			return rank;
		}
		double[] outWeight = new double[n];
		for (int i = 0; i < n; i++) {
			for (double weight : similarities.get(i).values()) {
				if (weight >= EDGE_THRESHOLD) {
					outWeight[i] += weight;
				}
			}
		}
		Arrays.fill(rank, 1.0 / n);
		double[] next = new double[n];
		for (int iteration = 0; iteration < 200; iteration++) {
			double dangling = 0;
			for (int i = 0; i < n; i++) {
				if (outWeight[i] == 0) {
					dangling += rank[i];
				}
			}
			Arrays.fill(next, (1 - DAMPING) / n + DAMPING * dangling / n);
			for (int i = 0; i < n; i++) {
				if (outWeight[i] == 0) {
					continue;
				}
				double share = DAMPING * rank[i] / outWeight[i];
				for (Map.Entry<Integer, Double> edge : similarities.get(i).entrySet()) {
					if (edge.getValue() >= EDGE_THRESHOLD) {
						next[edge.getKey()] += share * edge.getValue();
					}
				}
			}
			double delta = 0;
			for (int i = 0; i < n; i++) {
				delta += Math.abs(next[i] - rank[i]);
			}
			double[] swap = rank;
			rank = next;
			next = swap;
			if (delta < 1e-9) {
				break;
			}
		}
		return rank;
	}

}
