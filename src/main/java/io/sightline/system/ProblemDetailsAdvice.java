package io.sightline.system;

import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors become RFC 9457 Problem Details. Every {@code detail} is a
 * sentence that says what happened and what to do; no stack trace or SQL ever reaches a
 * client.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> api(ApiException ex) {
		ResponseEntity<Object> problem = problem(ex.status(), ex.getMessage());
		ex.code().ifPresent((code) -> ((ProblemDetail) problem.getBody()).setProperty("code", code));
		return ex.retryAfter()
			.map((wait) -> ResponseEntity.status(problem.getStatusCode())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)))
				.body(problem.getBody()))
			.orElse(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"Sightline hit an unexpected error; try again, and if it persists report it with the time it happened (details are in the server log).");
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex.getRequiredType() == UUID.class) {
			return problem(HttpStatus.BAD_REQUEST, "'" + ex.getValue()
					+ "' is not a valid id; ids are UUIDs such as 123e4567-e89b-12d3-a456-426614174000.");
		}
		return problem(HttpStatus.BAD_REQUEST,
				"'" + ex.getValue() + "' is not a valid value for " + ex.getPropertyName() + "; send a "
						+ ((ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value")
						+ " instead.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException refused) {
				return api(refused);
			}
		}
		return problem(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape; send for example {\"url\": \"https://…\"}.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, "The request is not valid: " + fields + ".");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type " + ex.getContentType()
				+ " is not supported here; send application/json with a url, or multipart/form-data with a file.");
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.BAD_REQUEST,
				"The upload has no '" + ex.getRequestPartName() + "' part; send the transcript as -F file=@NAME.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED, "Method " + ex.getMethod()
					+ " is not supported here; the API's methods are described at /v3/api-docs."));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.NOT_FOUND,
				"There is nothing at /" + ex.getResourcePath() + "; the API's paths are described at /v3/api-docs.");
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than this server accepts; upload a smaller file or raise spring.servlet.multipart.max-file-size.");
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getDetail() == null) {
			problem.setDetail(ex.getMessage());
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ResponseEntity<Object> problem(HttpStatusCode status, String detail) {
		return ResponseEntity.status(status).body(ProblemResponses.problem(status, detail));
	}

}
