package io.sightline.model;

import java.time.Duration;

/**
 * A model call that did not give an answer: the endpoint answered with a non-2xx status
 * ({@link #status()} and the body it sent), or it could not be reached or did not answer
 * in time ({@link #status()} 0). Whether to try again is the caller's decision.
 */
public final class ModelCallException extends RuntimeException {

	private final int status;

	private final String body;

	private final Duration retryAfter;

	ModelCallException(int status, String body, Duration retryAfter, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.body = (body != null) ? body : "";
		this.retryAfter = retryAfter;
	}

	/** The HTTP status, or 0 when no answer came. */
	public int status() {
		return this.status;
	}

	/**
	 * What the endpoint said, as it said it (an error object, usually); empty when
	 * nothing came.
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The wait the endpoint asked for ({@code Retry-After} or {@code retry-after-ms}), or
	 * null.
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	public boolean answered() {
		return this.status != 0;
	}

}
