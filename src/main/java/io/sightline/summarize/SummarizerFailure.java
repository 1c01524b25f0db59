package io.sightline.summarize;

import java.time.Duration;

import io.sightline.system.SightlineFailure;

/**
 * A summarizer could not produce a summary; the message says why and what the user can
 * do.
 */
public class SummarizerFailure extends SightlineFailure {

	protected SummarizerFailure(String sentence, boolean transientFailure, Duration retryAfter, Throwable cause) {
		super(sentence, transientFailure, retryAfter, cause);
	}

	public static SummarizerFailure permanent(String sentence) {
		return new SummarizerFailure(sentence, false, null, null);
	}

	public static SummarizerFailure temporary(String sentence, Duration retryAfter, Throwable cause) {
		return new SummarizerFailure(sentence, true, retryAfter, cause);
	}

}
