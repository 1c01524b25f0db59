package io.sightline.summarize.llm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sightline.summarize.SummarizerFailure;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * One chat call with Sightline's handling of what can go wrong: rate limits (waiting out a
 * {@code Retry-After} up to {@code max-retry-wait}), server errors and timeouts are tried again
 * up to {@code call-attempts}, then become a transient failure for the task's retry; a
 * context-length refusal becomes {@link ContextTooLong} so the caller can split smaller; anything
 * else is a permanent failure with a sentence.
 */
class ModelCalls {

	private static final Logger log = LoggerFactory.getLogger(ModelCalls.class);

	private static final Pattern CONTEXT_LENGTH = Pattern.compile(
			"(?i)context[_ ]length|maximum context|context size|context window|too many tokens|prompt is too long|"
					+ "reduce the length");

	private final ChatModel model;

	private final String modelName;

	private final LlmProperties properties;

	ModelCalls(ChatModel model, String modelName, LlmProperties properties) {
		this.model = model;
		this.modelName = modelName;
		this.properties = properties;
	}

	String modelName() {
		return this.modelName;
	}

	/** A model's answer and what it cost. */
	record Answer(String text, String model, int promptTokens, int completionTokens) {
	}

	/** The model refused the input as longer than its context; split it and ask again. */
	static final class ContextTooLong extends RuntimeException {

		ContextTooLong(String message) {
			super(message);
		}

	}

	Answer ask(String system, String user) {
		Duration backoff = Duration.ofSeconds(1);
		for (int attempt = 1;; attempt++) {
			try {
				ChatResponse response = this.model.call(new Prompt(List.of(new SystemMessage(system), new UserMessage(user))));
				String text = (response.getResult() != null && response.getResult().getOutput() != null)
						? response.getResult().getOutput().getText() : null;
				if (text == null || text.isBlank()) {
					throw SummarizerFailure.temporary("The model answered with no text; Sightline will try again.", null,
							null);
				}
				Usage usage = response.getMetadata().getUsage();
				String model = (response.getMetadata().getModel() != null && !response.getMetadata().getModel().isBlank())
						? response.getMetadata().getModel() : this.modelName;
				return new Answer(text, model, tokens((usage != null) ? usage.getPromptTokens() : null),
						tokens((usage != null) ? usage.getCompletionTokens() : null));
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
			if (cause instanceof OpenAIServiceException service) {
				return classifyStatus(service);
			}
			if (cause instanceof OpenAIIoException || cause instanceof IOException) {
				return SummarizerFailure.temporary("The model did not answer in time or could not be reached ("
						+ cause.getClass().getSimpleName() + "); Sightline will try again.", null, failure);
			}
		}
		return SummarizerFailure.temporary("The model call failed (" + failure.getClass().getSimpleName() + ": "
				+ failure.getMessage() + "); Sightline will try again.", null, failure);
	}

	private SummarizerFailure classifyStatus(OpenAIServiceException failure) {
		int status = failure.statusCode();
		String detail = failure.getMessage() + " " + failure.body();
		if (status == 429) {
			return SummarizerFailure.temporary("The model endpoint is rate-limiting Sightline (HTTP 429); it will try"
					+ " again.", retryAfter(failure), failure);
		}
		if (status >= 500) {
			return SummarizerFailure.temporary("The model endpoint answered " + status + "; Sightline will try again.",
					retryAfter(failure), failure);
		}
		if ((status == 400 || status == 413) && CONTEXT_LENGTH.matcher(detail).find()) {
			throw new ContextTooLong(detail);
		}
		if (status == 401 || status == 403) {
			return SummarizerFailure.permanent("The model endpoint refused the API key (HTTP " + status
					+ "); check spring.ai.openai.api-key.");
		}
		if (status == 404) {
			return SummarizerFailure.permanent("The model endpoint has no model '" + this.modelName
					+ "' or no chat API at its address (HTTP 404); check spring.ai.openai.base-url (with its /v1) and"
					+ " spring.ai.openai.chat.options.model.");
		}
		return SummarizerFailure.permanent("The model endpoint refused the request (HTTP " + status + ": "
				+ abbreviate(failure.getMessage()) + "); check the model settings or use the extractive summarizer.");
	}

	private static Duration retryAfter(OpenAIServiceException failure) {
		for (String name : failure.headers().names()) {
			String lower = name.toLowerCase(Locale.ROOT);
			List<String> values = failure.headers().values(name);
			if (values.isEmpty()) {
				continue;
			}
			try {
				if (lower.equals("retry-after-ms")) {
					return Duration.ofMillis((long) Double.parseDouble(values.get(0).strip()));
				}
				if (lower.equals("retry-after")) {
					return Duration.ofMillis((long) (Double.parseDouble(values.get(0).strip()) * 1000));
				}
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static int tokens(Integer count) {
		return (count != null) ? count : 0;
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
			throw SummarizerFailure.temporary("The summary was interrupted; Sightline will try again.", null, ex);
		}
	}

}
