package io.sightline.system;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure whose message is a sentence a person can act on. Transient failures
 * (timeouts, rate limits, 5xx answers) are worth retrying; permanent ones (private video,
 * bad input) are not.
 */
public abstract class SightlineFailure extends RuntimeException {

	private final boolean transientFailure;

	private final Duration retryAfter;

	protected SightlineFailure(String sentence, boolean transientFailure, Duration retryAfter, Throwable cause) {
		super(sentence, cause);
		this.transientFailure = transientFailure;
		this.retryAfter = retryAfter;
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

	/** The wait the remote side asked for (HTTP {@code Retry-After}), if it asked. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
