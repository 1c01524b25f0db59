package io.sightline.task;

import java.util.UUID;

/**
 * Another node (or this one) committed change {@code sequence} of a task; the change
 * itself is in the change log. {@code taskId} null means "notifications may have been
 * missed": every follower should catch up from the change log.
 */
public record TaskChangeNotified(UUID taskId, long sequence) {

	public static TaskChangeNotified resync() {
		return new TaskChangeNotified(null, 0);
	}

	public boolean isResync() {
		return this.taskId == null;
	}

}
