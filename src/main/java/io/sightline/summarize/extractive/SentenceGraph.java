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
 * control afterwards, computed from the vectors when asked.
 * <p>
 * Memory is bounded whatever the text's shape: each sentence keeps at most
 * {@value #MAX_NEIGHBOURS} neighbours (its most similar ones), in primitive arrays, so a
 * transcript whose sentences all share words (a small vocabulary, a repeated phrase)
 * costs {@code n × }{@value #MAX_NEIGHBOURS}{@code  × 8} bytes, not {@code n²} boxed
 * entries.
 */
final class SentenceGraph {

	static final double EDGE_THRESHOLD = 0.1;

	static final double DAMPING = 0.85;

	/** The most edges one sentence keeps: its strongest ones. */
	static final int MAX_NEIGHBOURS = 200;

	/**
	 * Each sentence's TF-IDF vector: term ids ascending, and their weights (unit length).
	 */
	private final int[][] terms;

	private final double[][] weights;

	private final double[] scores;

	private SentenceGraph(int[][] terms, double[][] weights, double[] scores) {
		this.terms = terms;
		this.weights = weights;
		this.scores = scores;
	}

	/** Ranks the sentences; {@code prior} weighs each sentence's score (by its index). */
	static SentenceGraph rank(List<List<String>> tokenized, IntToDoubleFunction prior) {
		int n = tokenized.size();
		int[][] terms = new int[n][];
		double[][] weights = new double[n][];
		int vocabulary = tfIdf(tokenized, terms, weights);
		int[][] postings = postings(terms, vocabulary);
		int[][] neighbours = new int[n][];
		float[][] edgeWeights = new float[n][];
		double[] accumulator = new double[n];
		int[] touched = new int[n];
		for (int i = 0; i < n; i++) {
			int count = 0;
			for (int t = 0; t < terms[i].length; t++) {
				double weight = weights[i][t];
				for (int j : postings[terms[i][t]]) {
					if (j == i) {
						continue;
					}
					if (accumulator[j] == 0) {
						touched[count++] = j;
					}
					accumulator[j] += weight * weightOf(terms[j], weights[j], terms[i][t]);
				}
			}
			keepStrongest(i, touched, count, accumulator, neighbours, edgeWeights);
		}
		double[] scores = pageRank(neighbours, edgeWeights, n);
		for (int i = 0; i < n; i++) {
			scores[i] *= prior.applyAsDouble(i);
		}
		return new SentenceGraph(terms, weights, scores);
	}

	double score(int sentence) {
		return this.scores[sentence];
	}

	/** The cosine similarity of two sentences' vectors. */
	double similarity(int a, int b) {
		if (a == b) {
			return 1.0;
		}
		int[] termsA = this.terms[a];
		int[] termsB = this.terms[b];
		double sum = 0;
		for (int x = 0, y = 0; x < termsA.length && y < termsB.length;) {
			if (termsA[x] == termsB[y]) {
				sum += this.weights[a][x++] * this.weights[b][y++];
			}
			else if (termsA[x] < termsB[y]) {
				x++;
			}
			else {
				y++;
			}
		}
		return sum;
	}

	/**
	 * Keeps sentence i's edges at or above the threshold, at most
	 * {@value #MAX_NEIGHBOURS} of the strongest, and clears the accumulator for the next
	 * sentence.
	 */
	private static void keepStrongest(int i, int[] touched, int count, double[] accumulator, int[][] neighbours,
			float[][] edgeWeights) {
		int kept = 0;
		for (int k = 0; k < count; k++) {
			if (accumulator[touched[k]] >= EDGE_THRESHOLD) {
				touched[kept++] = touched[k];
			}
			else {
				accumulator[touched[k]] = 0;
			}
		}
		if (kept > MAX_NEIGHBOURS) {
			Integer[] order = new Integer[kept];
			for (int k = 0; k < kept; k++) {
				order[k] = touched[k];
			}
			Arrays.sort(order, (x, y) -> Double.compare(accumulator[y], accumulator[x]));
			for (int k = MAX_NEIGHBOURS; k < kept; k++) {
				accumulator[order[k]] = 0;
			}
			for (int k = 0; k < MAX_NEIGHBOURS; k++) {
				touched[k] = order[k];
			}
			kept = MAX_NEIGHBOURS;
		}
		neighbours[i] = new int[kept];
		edgeWeights[i] = new float[kept];
		for (int k = 0; k < kept; k++) {
			neighbours[i][k] = touched[k];
			edgeWeights[i][k] = (float) accumulator[touched[k]];
			accumulator[touched[k]] = 0;
		}
	}

	/** A term's weight in a vector whose term ids ascend; 0 if it is not there. */
	private static double weightOf(int[] terms, double[] weights, int term) {
		int at = Arrays.binarySearch(terms, term);
		return (at >= 0) ? weights[at] : 0;
	}

	/** For each term id, the sentences that have it, ascending. */
	private static int[][] postings(int[][] terms, int vocabulary) {
		int[] sizes = new int[vocabulary];
		for (int[] sentence : terms) {
			for (int term : sentence) {
				sizes[term]++;
			}
		}
		int[][] postings = new int[vocabulary][];
		for (int term = 0; term < vocabulary; term++) {
			postings[term] = new int[sizes[term]];
		}
		int[] filled = new int[vocabulary];
		for (int i = 0; i < terms.length; i++) {
			for (int term : terms[i]) {
				postings[term][filled[term]++] = i;
			}
		}
		return postings;
	}

	/** Fills each sentence's unit TF-IDF vector; answers the vocabulary's size. */
	private static int tfIdf(List<List<String>> tokenized, int[][] terms, double[][] weights) {
		Map<String, Integer> ids = new HashMap<>();
		List<Map<Integer, Integer>> counts = new ArrayList<>(tokenized.size());
		for (List<String> tokens : tokenized) {
			Map<Integer, Integer> termCounts = new HashMap<>();
			for (String token : tokens) {
				termCounts.merge(ids.computeIfAbsent(token, (t) -> ids.size()), 1, Integer::sum);
			}
			counts.add(termCounts);
		}
		int[] documentFrequency = new int[ids.size()];
		counts.forEach((termCounts) -> termCounts.keySet().forEach((term) -> documentFrequency[term]++));
		int n = tokenized.size();
		for (int i = 0; i < n; i++) {
			int[] sentenceTerms = counts.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
			double[] sentenceWeights = new double[sentenceTerms.length];
			double norm = 0;
			for (int t = 0; t < sentenceTerms.length; t++) {
				double idf = Math.log((n + 1.0) / (documentFrequency[sentenceTerms[t]] + 1.0)) + 1.0;
				sentenceWeights[t] = (1 + Math.log(counts.get(i).get(sentenceTerms[t]))) * idf;
				norm += sentenceWeights[t] * sentenceWeights[t];
			}
			double length = Math.sqrt(norm);
			if (length > 0) {
				for (int t = 0; t < sentenceWeights.length; t++) {
					sentenceWeights[t] /= length;
				}
			}
			terms[i] = sentenceTerms;
			weights[i] = sentenceWeights;
		}
		return ids.size();
	}

	private static double[] pageRank(int[][] neighbours, float[][] edgeWeights, int n) {
		double[] rank = new double[n];
		if (n == 0) {
			return rank;
		}
		double[] outWeight = new double[n];
		for (int i = 0; i < n; i++) {
			for (float weight : edgeWeights[i]) {
				outWeight[i] += weight;
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
				for (int k = 0; k < neighbours[i].length; k++) {
					next[neighbours[i][k]] += share * edgeWeights[i][k];
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
