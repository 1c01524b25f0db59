package io.sightline.summarize.llm;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.sightline.model.ChatAnswer;
import io.sightline.model.ChatEndpoint;
import io.sightline.model.ModelCallException;
import io.sightline.summarize.SummarizerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One chat call with Sightline's handling of what can go wrong: rate limits (waiting out
 * a {@code Retry-After} up to {@code max-retry-wait}), server errors and timeouts are
 * tried again up to {@code call-attempts}, then become a transient failure for the task's
 * retry; a context-length refusal becomes {@link ContextTooLong} so the caller can split
 * smaller; anything else is a permanent failure with a sentence.
 */
class ModelCalls {

	private static final Logger log = LoggerFactory.getLogger(ModelCalls.class);

	private static final Pattern CONTEXT_LENGTH = Pattern
		.compile("(?i)context[_ ]length|maximum context|context size|context window|too many tokens|prompt is too long|"
				+ "reduce the length");

	private final ChatEndpoint endpoint;

	private final LlmProperties properties;

	ModelCalls(ChatEndpoint endpoint, LlmProperties properties) {
		this.endpoint = endpoint;
		this.properties = properties;
	}

	String modelName() {
		return this.endpoint.model();
	}

	/** What the caller's listener threw, carried out of the call unchanged. */
	private static final class Stopped extends RuntimeException {

		Stopped(RuntimeException cause) {
			super(cause);
		}

	}

	/** The model refused the input as longer than its context; split it and ask again. */
	static final class ContextTooLong extends RuntimeException {

		ContextTooLong(String message) {
			super(message);
		}

	}

	ChatAnswer ask(String system, String user) {
		return ask(system, user, null, null);
	}

	/**
	 * Asks for a text answer (no structured output), with the same retries, streamed to
	 * {@code onText} where it is given (as
	 * {@link #ask(String, String, JsonNode, Consumer)}).
	 */
	ChatAnswer askText(String system, String user, Consumer<String> onText) {
		Consumer<String> listener = listener(onText);
		return retried(() -> this.endpoint.complete(system, user, listener));
	}

	/**
	 * As {@link #ask(String, String)}, streamed to {@code onText} where it is given. What
	 * {@code onText} throws (a cancel noticed while the answer is written) stops the call
	 * at once and is thrown on as it is: it is not the model's failure, and not tried
	 * again.
	 */
	ChatAnswer ask(String system, String user, JsonNode schema, Consumer<String> onText) {
		Consumer<String> listener = listener(onText);
		return retried(() -> this.endpoint.completeJson(system, user, schema, listener));
	}

	/** The caller's listener, with what it throws carried out of the call unchanged. */
	private static Consumer<String> listener(Consumer<String> onText) {
		return (onText != null) ? (text) -> {
			try {
				onText.accept(text);
			}
			catch (RuntimeException stop) {
				throw new Stopped(stop);
			}
		} : null;
	}

	/** One call, tried again on transient failures as the settings say. */
	private ChatAnswer retried(Supplier<ChatAnswer> call) {
		Duration backoff = Duration.ofSeconds(1);
		for (int attempt = 1;; attempt++) {
			try {
				ChatAnswer answer = call.get();
				if (answer.text().isBlank()) {
					throw SummarizerFailure.temporary("model.empty_answer",
							"The model answered with no text; Sightline will try again.", null, null);
				}
				return answer;
			}
			catch (Stopped stopped) {
				throw (RuntimeException) stopped.getCause();
			}
			catch (RuntimeException failure) {
				SummarizerFailure classified = classify(failure);
				if (!classified.isTransient() || attempt >= this.properties.callAttempts()) {
					throw classified;
				}
				Duration wait = classified.retryAfter().orElse(backoff);
				if (wait.compareTo(this.properties.maxRetryWait()) > 0) {
					throw classified;
				}
				log.info("Model call attempt {} of {} failed, trying again in {}: {}", attempt,
						this.properties.callAttempts(), wait, classified.getMessage());
				sleep(wait);
				backoff = backoff.multipliedBy(2);
			}
		}
	}

	SummarizerFailure classify(RuntimeException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SummarizerFailure known) {
				return known;
			}
			if (cause instanceof ContextTooLong tooLong) {
				throw tooLong;
			}
			if (cause instanceof ModelCallException call) {
				return call.answered() ? classifyStatus(call)
						: SummarizerFailure.temporary("model.unreachable",
								"The model did not answer in time or could not be reached (" + call.getMessage()
										+ "); Sightline will try again.",
								null, failure);
			}
		}
		return SummarizerFailure.temporary("model.call_failed", "The model call failed ("
				+ failure.getClass().getSimpleName() + ": " + failure.getMessage() + "); Sightline will try again.",
				null, failure);
	}

	private SummarizerFailure classifyStatus(ModelCallException failure) {
		int status = failure.status();
		String detail = failure.body();
		if (status >= 200 && status < 300) {
			return SummarizerFailure.temporary("model.bad_response",
					"The model endpoint's answer was not the JSON of the chat API; Sightline" + " will try again.",
					null, failure);
		}
		if (status == 429) {
			return SummarizerFailure.temporary("model.rate_limited",
					"The model endpoint is rate-limiting Sightline (HTTP 429); it will try" + " again.",
					failure.retryAfter(), failure);
		}
		if (status >= 500) {
			return SummarizerFailure.temporary("model.server_error",
					"The model endpoint answered " + status + "; Sightline will try again.", failure.retryAfter(),
					failure);
		}
		if ((status == 400 || status == 413) && CONTEXT_LENGTH.matcher(detail).find()) {
			throw new ContextTooLong(detail);
		}
		if (status == 401 || status == 403) {
			return SummarizerFailure.permanent("model.unauthorized",
					"The model endpoint refused the API key (HTTP " + status + "); check spring.ai.openai.api-key.");
		}
		if (status == 404) {
			return SummarizerFailure.permanent("model.unknown_model", "The model endpoint has no model '"
					+ this.endpoint.model()
					+ "' or no chat API at its address (HTTP 404); check spring.ai.openai.base-url (with its /v1) and"
					+ " spring.ai.openai.chat.options.model.");
		}
		return SummarizerFailure.permanent("model.refused",
				"The model endpoint refused the request (HTTP " + status + ": "
						+ abbreviate(failure.body().isBlank() ? failure.getMessage() : failure.body())
						+ "); check the model settings or use the extractive summarizer.");
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "no details";
		}
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SummarizerFailure.temporary("model.interrupted",
					"The summary was interrupted; Sightline will try again.", null, ex);
		}
	}

}
