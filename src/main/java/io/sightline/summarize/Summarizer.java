package io.sightline.summarize;

/** Turns a timed transcript into a summary document; knows nothing of HTTP or tasks. */
public interface Summarizer {

	/** The name a request picks it by, such as {@code extractive} or {@code llm}. */
	String name();

	SummaryDocument summarize(SummaryRequest request, SummaryProgress progress);

	/**
	 * Whether this server has what it needs to use it (a model, for the LLM summarizer).
	 */
	default boolean configured() {
		return true;
	}

	/**
	 * Whether it can write the summary in another language than the transcript's (a model
	 * can; picking sentences cannot).
	 */
	default boolean translates() {
		return false;
	}

}
