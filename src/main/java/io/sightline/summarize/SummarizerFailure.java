package io.sightline.summarize;

import java.time.Duration;

import io.sightline.system.SightlineFailure;

/**
 * A summarizer could not produce a summary; the message says why and what the user can
 * do.
 */
public class SummarizerFailure extends SightlineFailure {

	protected SummarizerFailure(String code, String sentence, boolean transientFailure, Duration retryAfter,
			Throwable cause) {
		super(code, sentence, transientFailure, retryAfter, cause);
	}

	/** A failure that another attempt would meet again. */
	public static SummarizerFailure permanent(String code, String sentence) {
		return new SummarizerFailure(code, sentence, false, null, null);
	}

	/**
	 * A failure that another attempt, after {@code retryAfter} if given, may not meet.
	 */
	public static SummarizerFailure temporary(String code, String sentence, Duration retryAfter, Throwable cause) {
		return new SummarizerFailure(code, sentence, true, retryAfter, cause);
	}

}
