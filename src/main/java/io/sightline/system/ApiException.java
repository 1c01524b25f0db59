package io.sightline.system;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status it answers and a {@code detail} sentence that says
 * what to fix. Mapped to Problem Details by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	public ApiException(HttpStatus status, String detail) {
		super(detail);
		this.status = status;
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

	public static ApiException unsupportedMediaType(String detail) {
		return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

}
