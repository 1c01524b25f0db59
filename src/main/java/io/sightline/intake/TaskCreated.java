package io.sightline.intake;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code 202 Accepted} answer: where to follow the task and where its summary will
 * be; for a playlist, channel or feed, where its collection will be instead, and the
 * follow made with it, if the request asked for one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "task_id", "status_url", "events_url" },
		description = "Where to follow the task; summary_id for one item, collection_id, collection_url and"
				+ " follow_id (when asked for) for a playlist, channel or feed.")
public record TaskCreated(UUID taskId, UUID summaryId, UUID collectionId, String statusUrl, String eventsUrl,
		String collectionUrl, UUID followId) {

	static TaskCreated of(UUID taskId, UUID summaryId) {
		String status = "/api/progress/" + taskId;
		return new TaskCreated(taskId, summaryId, null, status, status + "/events", null, null);
	}

	static TaskCreated ofCollection(UUID taskId, UUID collectionId, UUID followId) {
		String status = "/api/progress/" + taskId;
		return new TaskCreated(taskId, null, collectionId, status, status + "/events",
				"/api/collections/" + collectionId, followId);
	}

}
