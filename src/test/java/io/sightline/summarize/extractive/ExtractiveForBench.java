package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.List;

import io.sightline.source.Transcript;
import io.sightline.summarize.Summarizer;

/**
 * Lets benchmarks and the quality harness run the extractive summarizer without a Spring
 * context.
 */
public final class ExtractiveForBench {

	private ExtractiveForBench() {
	}

	public static Summarizer create() {
		return new ExtractiveSummarizer();
	}

	/**
	 * A candidate sentence as the summarizer ranks it.
	 *
	 * @param index its place among the candidates, in time order
	 * @param text its repaired text
	 * @param score its rank score
	 * @param inTldr whether the TL;DR is made of it
	 */
	public record Ranked(int index, String text, double score, boolean inTldr) {
	}

	/** The transcript's candidate sentences in time order, with their scores. */
	public static List<Ranked> ranked(Transcript transcript) {
		Candidates found = Candidates.of(transcript.segments(), null);
		SentenceGraph graph = SentenceGraph.rank(found.tokens(), found::prior);
		Tldr tldr = Tldr.of(found.standing(), graph);
		List<Ranked> ranked = new ArrayList<>();
		for (Sentence sentence : found.candidates()) {
			ranked.add(new Ranked(sentence.index(), sentence.text(), graph.score(sentence.index()),
					tldr.sources().contains(sentence)));
		}
		return ranked;
	}

}
