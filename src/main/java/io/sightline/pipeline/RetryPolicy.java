package io.sightline.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait before attempt n is
 * {@code initial × multiplier^(n-2)}, capped, spread by ±jitter, and never shorter than
 * what the remote side asked for with {@code Retry-After}.
 */
final class RetryPolicy {

	private final PipelineProperties properties;

	private final DoubleSupplier random;

	RetryPolicy(PipelineProperties properties, DoubleSupplier random) {
		this.properties = properties;
		this.random = random;
	}

	Duration delayBefore(int attempt, Optional<Duration> retryAfter) {
		if (attempt < 2) {
			throw new IllegalArgumentException("the first attempt has no delay before it: " + attempt);
		}
		double base = this.properties.initialBackoff().toMillis()
				* Math.pow(this.properties.backoffMultiplier(), attempt - 2);
		double capped = Math.min(base, this.properties.maxBackoff().toMillis());
		double spread = 1 + this.properties.jitter() * (2 * this.random.getAsDouble() - 1);
		Duration backoff = Duration.ofMillis(Math.round(capped * spread));
		return retryAfter.filter((asked) -> asked.compareTo(backoff) > 0).orElse(backoff);
	}

}
