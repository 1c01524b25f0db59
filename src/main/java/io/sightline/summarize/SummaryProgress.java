package io.sightline.summarize;

/** Receives how far a summarizer is, as a fraction from 0 to 1, with a short text for the user. */
@FunctionalInterface
public interface SummaryProgress {

	SummaryProgress NONE = (fraction, text) -> {
	};

	void advanced(double fraction, String text);

}
