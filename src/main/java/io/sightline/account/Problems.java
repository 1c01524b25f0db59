package io.sightline.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Problem Details written by the security filters, which answer before any controller
 * (and so before the application's error mapping) runs: the same shape and the same kind
 * of sentence.
 */
@Component
class Problems {

	static final String SIGN_IN = "Sign in first: log in to the web UI, or send an API token as"
			+ " 'Authorization: Bearer <token>' (create one with: sightline token create --user NAME).";

	private final JsonMapper json;

	Problems(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
