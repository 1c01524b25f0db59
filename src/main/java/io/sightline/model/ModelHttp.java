package io.sightline.model;

import java.time.Clock;
import java.time.Duration;

import io.sightline.system.Lazy;
import io.sightline.system.RetryAfter;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * What the model endpoints share over HTTP: a client that makes one attempt per call
 * within a time limit, the wait an answer asks for, error bodies short enough to keep.
 */
final class ModelHttp {

	private static final int MAX_ERROR_BODY = 4096;

	private ModelHttp() {
	}

	/**
	 * A client for one endpoint, built on its first call (building one initializes TLS,
	 * which no start needs): no retries of its own, every call within {@code timeout}.
	 */
	static Lazy<OkHttpClient> client(Duration timeout) {
		return Lazy.of(() -> new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
			.readTimeout(timeout)
			.writeTimeout(timeout)
			.callTimeout(timeout)
			.retryOnConnectionFailure(false)
			.build());
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
