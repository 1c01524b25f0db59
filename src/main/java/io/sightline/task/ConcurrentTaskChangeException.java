package io.sightline.task;

import java.util.UUID;

/** Another writer changed the task since it was read; read it again before deciding. */
class ConcurrentTaskChangeException extends RuntimeException {

	ConcurrentTaskChangeException(UUID taskId, long expectedSequence) {
		super("Task " + taskId + " changed since sequence " + expectedSequence);
	}

}
