package io.sightline.system;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status it answers and a {@code detail} sentence
 * that says what to fix. Mapped to Problem Details by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Duration retryAfter;

	private final String code;

	public ApiException(HttpStatus status, String detail) {
		this(status, detail, null, null);
	}

	private ApiException(HttpStatus status, String detail, Duration retryAfter, String code) {
		super(detail);
		this.status = status;
		this.retryAfter = retryAfter;
		this.code = code;
	}

	/**
	 * 400: the request asks for something that would fail for good; the answer carries
	 * the failure's {@code code} beside its sentence.
	 */
	public static ApiException refused(SightlineFailure failure) {
		return new ApiException(HttpStatus.BAD_REQUEST, failure.getMessage(), null, failure.code());
	}

	/**
	 * 429: the caller is over a limit of its own; {@code Retry-After} says when to try
	 * again.
	 */
	public static ApiException tooManyRequests(String detail, Duration retryAfter) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfter, null);
	}

	/**
	 * 503: the server is over a limit of all callers; {@code Retry-After} says when to
	 * try again.
	 */
	public static ApiException unavailable(String detail, Duration retryAfter) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfter, null);
	}

	public static ApiException badRequest(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, detail);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, detail);
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, detail);
	}

	public static ApiException tooLarge(String detail) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, detail);
	}

	public static ApiException unsupportedMediaType(String detail) {
		return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The failure code of a refusal that has one, such as
	 * {@code request.unsupported_url}.
	 */
	public Optional<String> code() {
		return Optional.ofNullable(this.code);
	}

	/** When to try again, if the refusal is temporary. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
