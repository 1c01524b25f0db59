package io.sightline.model;

import java.time.Clock;
import java.time.Duration;

import io.sightline.system.RetryAfter;
import okhttp3.Response;

/** What the model endpoints' HTTP answers share: the wait they ask for, error bodies. */
final class Answers {

	private static final int MAX_ERROR_BODY = 4096;

	private Answers() {
	}

	/** The wait an answer asks for: {@code retry-after-ms} or {@code Retry-After}. */
	static Duration retryAfter(Response response, Clock clock) {
		String millis = response.header("retry-after-ms");
		if (millis != null && millis.strip().matches("\\d{1,9}(\\.\\d+)?")) {
			return Duration.ofMillis(Math.round(Double.parseDouble(millis.strip())));
		}
		return RetryAfter.parse(response.header("Retry-After"), clock);
	}

	/** An error body short enough to keep. */
	static String abbreviate(String text) {
		return (text.length() <= MAX_ERROR_BODY) ? text : text.substring(0, MAX_ERROR_BODY) + "…";
	}

}
