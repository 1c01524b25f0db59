package io.sightline.summarize.extractive;

/**
 * What picking sentences needs of a ranking: each candidate's score (by its index) and
 * how similar two candidates are. {@link SentenceGraph} is the summarizer's; benchmarks
 * bring others to compare with it.
 */
interface Ranking {

	double score(int sentence);

	/** The similarity of two sentences, from 0 (nothing shared) to 1 (the same). */
	double similarity(int a, int b);

}
