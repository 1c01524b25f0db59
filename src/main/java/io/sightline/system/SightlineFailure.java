package io.sightline.system;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A failure whose message is a sentence a person can act on, and whose {@link #code()} is
 * the stable name programs decide from ({@code youtube.no_captions}). Transient failures
 * (timeouts, rate limits, 5xx answers) are worth retrying; permanent ones (private video,
 * bad input) are not. The codes are listed in {@code docs/api.md}.
 */
public abstract class SightlineFailure extends RuntimeException {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*\\.[a-z][a-z0-9]*(_[a-z0-9]+)*");

	private final String code;

	private final boolean transientFailure;

	private final Duration retryAfter;

	protected SightlineFailure(String code, String sentence, boolean transientFailure, Duration retryAfter,
			Throwable cause) {
		super(sentence, cause);
		if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
			throw new IllegalArgumentException("A failure code is area.name in lower case: " + code);
		}
		this.code = code;
		this.transientFailure = transientFailure;
		this.retryAfter = retryAfter;
	}

	/**
	 * The stable, dotted name of what went wrong, such as {@code fetch.private_address}.
	 */
	public String code() {
		return this.code;
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

	/** The wait the remote side asked for (HTTP {@code Retry-After}), if it asked. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
