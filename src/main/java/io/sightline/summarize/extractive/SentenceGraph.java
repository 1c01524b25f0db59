package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * LexRank over sentences: TF-IDF vectors, cosine similarity with the sentences found
 * through an inverted index (only sentences sharing a word are compared, at most
 * {@value #MAX_CANDIDATES} per sentence: those sharing its rarest words, then the
 * nearest), a weighted graph of the pairs above a threshold, and PageRank by power
 * iteration. {@link #similarity} serves redundancy control afterwards, computed from the
 * vectors when asked.
 * <p>
 * Memory is bounded whatever the text's shape: each sentence keeps at most
 * {@value #MAX_NEIGHBOURS} neighbours (its most similar ones), in primitive arrays, so a
 * transcript whose sentences all share words (a small vocabulary, a repeated phrase)
 * costs {@code n × }{@value #MAX_NEIGHBOURS}{@code  × 8} bytes, not {@code n²} boxed
 * entries.
 */
final class SentenceGraph implements Ranking {

	static final double EDGE_THRESHOLD = 0.1;

	static final double DAMPING = 0.85;

	/** The most edges one sentence keeps: its strongest ones. */
	static final int MAX_NEIGHBOURS = 200;

	/**
	 * The most sentences one sentence is compared with, so ranking grows linearly with
	 * the number of sentences even when they all share words.
	 */
	static final int MAX_CANDIDATES = 1000;

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

	/**
	 * Ranks the sentences: each one's score is the square root of its centrality times
	 * its {@code prior} (by its index), so that what a sentence is like can outweigh a
	 * small difference in how central it is.
	 */
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
		int[] seenBy = new int[n];
		for (int i = 0; i < n; i++) {
			int count = candidates(i, terms, postings, touched, seenBy);
			for (int k = 0; k < count; k++) {
				int j = touched[k];
				accumulator[j] = dot(terms[i], weights[i], terms[j], weights[j]);
			}
			keepStrongest(i, touched, count, accumulator, neighbours, edgeWeights);
		}
		double[] scores = pageRank(neighbours, edgeWeights, n);
		for (int i = 0; i < n; i++) {
			scores[i] = Math.sqrt(scores[i]) * prior.applyAsDouble(i);
		}
		return new SentenceGraph(terms, weights, scores);
	}

	@Override
	public double score(int sentence) {
		return this.scores[sentence];
	}

	/** The cosine similarity of two sentences' vectors. */
	@Override
	public double similarity(int a, int b) {
		return (a == b) ? 1.0 : dot(this.terms[a], this.weights[a], this.terms[b], this.weights[b]);
	}

	/** The dot product of two sparse vectors whose term ids ascend. */
	private static double dot(int[] termsA, double[] weightsA, int[] termsB, double[] weightsB) {
		double sum = 0;
		for (int x = 0, y = 0; x < termsA.length && y < termsB.length;) {
			if (termsA[x] == termsB[y]) {
				sum += weightsA[x++] * weightsB[y++];
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
	 * The sentences compared with sentence i, into {@code touched}: those sharing a term
	 * with it, its rarest terms first, at most {@value #MAX_CANDIDATES}; a term shared by
	 * more than there is room for adds the sentences nearest to i. Answers how many.
	 */
	private static int candidates(int i, int[][] terms, int[][] postings, int[] touched, int[] seenBy) {
		int[] byRarity = Arrays.stream(terms[i])
			.boxed()
			.sorted(Comparator.comparingInt((Integer term) -> postings[term].length))
			.mapToInt(Integer::intValue)
			.toArray();
		int count = 0;
		seenBy[i] = i + 1;
		for (int term : byRarity) {
			int[] sharing = postings[term];
			if (count + sharing.length <= MAX_CANDIDATES) {
				for (int j : sharing) {
					if (seenBy[j] != i + 1) {
						seenBy[j] = i + 1;
						touched[count++] = j;
					}
				}
				continue;
			}
			int at = Arrays.binarySearch(sharing, i);
			for (int below = at - 1, above = at + 1; count < MAX_CANDIDATES
					&& (below >= 0 || above < sharing.length);) {
				boolean takeBelow = above >= sharing.length || (below >= 0 && i - sharing[below] <= sharing[above] - i);
				int j = takeBelow ? sharing[below--] : sharing[above++];
				if (seenBy[j] != i + 1) {
					seenBy[j] = i + 1;
					touched[count++] = j;
				}
			}
			break;
		}
		return count;
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

	/**
	 * PageRank by power iteration over a weighted graph: each node's neighbours and the
	 * weights of those edges.
	 */
	static double[] pageRank(int[][] neighbours, float[][] edgeWeights, int n) {
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
