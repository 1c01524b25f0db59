package io.sightline.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A task's state as clients see it: the body of {@code GET /api/progress/{id}} and of
 * each SSE event.
 */
public record TaskView(UUID taskId, int progress, String stage, TaskStatus status, String error, UUID summaryId,
		int attempt, int maxAttempts, Instant createdAt, Instant updatedAt) {
}
