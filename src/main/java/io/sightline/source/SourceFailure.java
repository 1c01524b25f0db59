package io.sightline.source;

import java.time.Duration;

import io.sightline.system.SightlineFailure;

/** A source could not deliver; the message says why and what the user can do. */
public class SourceFailure extends SightlineFailure {

	protected SourceFailure(String code, String sentence, boolean transientFailure, Duration retryAfter,
			Throwable cause) {
		super(code, sentence, transientFailure, retryAfter, cause);
	}

	/** A failure that another attempt would meet again. */
	public static SourceFailure permanent(String code, String sentence) {
		return new SourceFailure(code, sentence, false, null, null);
	}

	/**
	 * A failure that another attempt, after {@code retryAfter} if given, may not meet.
	 */
	public static SourceFailure temporary(String code, String sentence, Duration retryAfter, Throwable cause) {
		return new SourceFailure(code, sentence, true, retryAfter, cause);
	}

}
