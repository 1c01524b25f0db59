package io.sightline.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one place that makes and writes RFC 9457 Problem Details: for controllers (through
 * {@link ProblemDetailsAdvice}), for the security filters that answer before any
 * controller runs, and for requests Tomcat refuses before the application sees them.
 * Every {@code detail} is a sentence that says what happened and what to do.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/** A problem with its status and sentence. */
	public static ProblemDetail problem(HttpStatusCode status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	/**
	 * Writes a problem as the whole response, unless the response is already committed. A
	 * 401 also says that the API takes a bearer token.
	 */
	public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		this.json.writeValue(response.getOutputStream(), problem(status, detail));
	}

	/** A problem as the JSON bytes of a response body. */
	byte[] render(HttpStatusCode status, String detail) {
		return this.json.writeValueAsBytes(problem(status, detail));
	}

}
