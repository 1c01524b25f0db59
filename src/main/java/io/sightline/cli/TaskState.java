package io.sightline.cli;

import java.time.Instant;
import java.util.Locale;

import io.sightline.task.TaskView;

/**
 * A task's state as the command line follows it, from the local task store or from a
 * server's JSON.
 */
record TaskState(String taskId, String status, int progress, String stage, String error, String summaryId,
		Instant createdAt) {

	static TaskState of(TaskView view) {
		return new TaskState(view.taskId().toString(), view.status().name().toLowerCase(Locale.ROOT), view.progress(),
				view.stage(), view.error(), view.summaryId().toString(), view.createdAt());
	}

	boolean isFinished() {
		return !this.status.equals("processing");
	}

}
