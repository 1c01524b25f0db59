package io.sightline.intake;

import java.util.UUID;

/**
 * The {@code 202 Accepted} answer: where to follow the task and where its summary will
 * be.
 */
public record TaskCreated(UUID taskId, UUID summaryId, String statusUrl, String eventsUrl) {

	static TaskCreated of(UUID taskId, UUID summaryId) {
		String status = "/api/progress/" + taskId;
		return new TaskCreated(taskId, summaryId, status, status + "/events");
	}

}
