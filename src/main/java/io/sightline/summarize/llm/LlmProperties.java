package io.sightline.summarize.llm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LLM summarizer ({@code sightline.llm.*}); the model itself is set with
 * {@code spring.ai.openai.base-url}, {@code api-key} and {@code chat.options.model}
 * ({@link io.sightline.model.OpenAiSettings}).
 *
 * @param contextBudget tokens of transcript per map call (default 6000; a context-length
 * error halves the part and tries again)
 * @param maxParallel map calls in flight at once (default 4)
 * @param maxOutputTokens tokens a call may answer with (default 1024)
 * @param timeout how long one call may take (default 2m)
 * @param callAttempts attempts per call on rate limits, server errors and timeouts before
 * the task itself is retried (default 3)
 * @param maxRetryWait the longest wait honoured between attempts of one call (default
 * 60s; a longer {@code Retry-After} is left to the task's retry)
 * @param maxCalls model calls one summary may make (default 200): a summary that would
 * need more ends with a sentence before the first call, and combining rounds that stop
 * shrinking the notes end too, so a small context budget can never run up a bill
 * @param promptPrice the price of a million prompt tokens, to show what a summary cost
 * (none: tokens only)
 * @param completionPrice the price of a million completion tokens (none: tokens only)
 * @param currency what the prices are in (default USD)
 */
@ConfigurationProperties("sightline.llm")
record LlmProperties(@DefaultValue("6000") int contextBudget, @DefaultValue("4") int maxParallel,
		@DefaultValue("1024") int maxOutputTokens, @DefaultValue("2m") Duration timeout,
		@DefaultValue("3") int callAttempts, @DefaultValue("60s") Duration maxRetryWait,
		@DefaultValue("200") int maxCalls, Double promptPrice, Double completionPrice,
		@DefaultValue("USD") String currency) {
}
