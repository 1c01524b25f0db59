package io.sightline.summarize.extractive;

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

}
