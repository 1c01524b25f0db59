package io.sightline.task;

import java.util.UUID;

/**
 * A task's state changed and the change is committed; {@code sequence} orders a task's
 * changes.
 */
public record ProgressChanged(UUID taskId, long sequence, TaskView view) {

	public boolean isTerminal() {
		return this.view.status().isTerminal();
	}

}
