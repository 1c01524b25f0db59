package io.sightline.source;

import java.time.Duration;

import io.sightline.system.SightlineFailure;

/** A source could not deliver; the message says why and what the user can do. */
public class SourceFailure extends SightlineFailure {

	protected SourceFailure(String sentence, boolean transientFailure, Duration retryAfter, Throwable cause) {
		super(sentence, transientFailure, retryAfter, cause);
	}

	public static SourceFailure permanent(String sentence) {
		return new SourceFailure(sentence, false, null, null);
	}

	public static SourceFailure temporary(String sentence, Duration retryAfter, Throwable cause) {
		return new SourceFailure(sentence, true, retryAfter, cause);
	}

}
