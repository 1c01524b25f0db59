package io.sightline.task;

import java.time.Instant;

/**
 * A retry that is waiting: {@code attempt} of {@code maxAttempts} starts at
 * {@code nextAt}.
 */
public record RetryPlan(int attempt, int maxAttempts, Instant nextAt) {

}
