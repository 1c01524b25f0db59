package io.sightline.summarize.extractive;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.sightline.source.Transcript;

/**
 * The key points the extractive summarizer picks, with the sentences' centrality taken
 * from sentence embeddings instead of, or beside, its TF-IDF graph. Everything else is
 * the summarizer's own: the candidates, their prior, the TL;DR and maximal marginal
 * relevance with TF-IDF similarity.
 */
public final class EmbeddingPicks {

	/** How centrality is found. */
	public enum Centrality {

		/** The summarizer's: PageRank over TF-IDF cosine. */
		TFIDF,
		/** PageRank over embedding cosine. */
		EMBEDDING,
		/** The geometric mean of both. */
		BOTH

	}

	private EmbeddingPicks() {
	}

	/**
	 * The key points, in time order; {@code vectors} gives the unit embedding of each
	 * candidate sentence's text, in order.
	 */
	public static List<String> keyPoints(Transcript transcript, int wanted, Centrality centrality, double threshold,
			Function<List<String>, float[][]> vectors) {
		Candidates found = Candidates.of(transcript.segments(), null);
		SentenceGraph graph = SentenceGraph.rank(found.tokens(), found::prior);
		Tldr tldr = Tldr.of(found.standing(), graph);
		Ranking ranking = graph;
		if (centrality != Centrality.TFIDF) {
			float[][] unit = vectors.apply(found.candidates().stream().map(Sentence::text).toList());
			double[] embedded = pageRank(unit, threshold);
			double[] scores = new double[unit.length];
			for (int i = 0; i < unit.length; i++) {
				double byEmbedding = Math.sqrt(embedded[i]) * found.prior(i);
				scores[i] = (centrality == Centrality.EMBEDDING) ? byEmbedding
						: Math.sqrt(byEmbedding * graph.score(i));
			}
			ranking = new Ranking() {

				@Override
				public double score(int sentence) {
					return scores[sentence];
				}

				@Override
				public double similarity(int a, int b) {
					return graph.similarity(a, b);
				}

			};
		}
		List<Sentence> rest = found.candidates().stream().filter((s) -> !tldr.sources().contains(s)).toList();
		return ExtractiveSummarizer.pick(rest, ranking, wanted, tldr.sources())
			.stream()
			.sorted(Comparator.comparingInt(Sentence::index))
			.map((s) -> ExtractiveSummarizer.asSentence(s.text()))
			.toList();
	}

	/**
	 * PageRank ({@link SentenceGraph#pageRank}) over the cosine graph of unit vectors,
	 * edges at or above the threshold.
	 */
	static double[] pageRank(float[][] unit, double threshold) {
		int n = unit.length;
		int[][] neighbours = new int[n][];
		float[][] weights = new float[n][];
		for (int i = 0; i < n; i++) {
			int[] near = new int[n];
			float[] weight = new float[n];
			int count = 0;
			for (int j = 0; j < n; j++) {
				double dot = 0;
				for (int k = 0; k < unit[i].length; k++) {
					dot += unit[i][k] * unit[j][k];
				}
				if (i != j && dot >= threshold) {
					near[count] = j;
					weight[count++] = (float) dot;
				}
			}
			neighbours[i] = Arrays.copyOf(near, count);
			weights[i] = Arrays.copyOf(weight, count);
		}
		return SentenceGraph.pageRank(neighbours, weights, n);
	}

}
