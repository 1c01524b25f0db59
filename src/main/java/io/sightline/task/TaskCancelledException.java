package io.sightline.task;

import java.util.UUID;

/**
 * The task was cancelled (or otherwise ended) while a worker was still on it: stop at
 * this boundary.
 */
public class TaskCancelledException extends RuntimeException {

	public TaskCancelledException(UUID taskId) {
		super("Task " + taskId + " was cancelled");
	}

}
