package io.sightline.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A task's state as clients see it: the body of {@code GET /api/progress/{id}} and of
 * each SSE event. {@code stage} and {@code error} are sentences for people; programs
 * decide from {@code status}, {@code phase}, {@code failure} (set once it failed or was
 * cancelled) and {@code retry} (set while a retry waits). A task that summarizes a
 * playlist or channel has a {@code collectionId} (where its items' summaries are listed)
 * instead of a {@code summaryId}.
 */
public record TaskView(UUID taskId, int progress, String stage, TaskStatus status, Phase phase, String error,
		TaskFailure failure, RetryPlan retry, UUID summaryId, int attempt, int maxAttempts, Instant createdAt,
		Instant updatedAt, UUID collectionId) {

}
