package io.sightline.cli;

import java.time.Instant;
import java.util.Locale;

import io.sightline.task.TaskFailure;
import io.sightline.task.TaskView;

/**
 * A task's state as the command line follows it, from the local task store or from a
 * server's JSON. {@code stage} and {@code error} are shown; decisions (the exit code) are
 * made from {@code status} and {@code failureKind} only.
 */
record TaskState(String taskId, String status, String phase, int progress, String stage, String error,
		String failureKind, String failureCode, String summaryId, Instant createdAt) {

	static TaskState of(TaskView view) {
		TaskFailure failure = view.failure();
		return new TaskState(view.taskId().toString(), view.status().name().toLowerCase(Locale.ROOT),
				view.phase().value(), view.progress(), view.stage(), view.error(),
				(failure != null) ? failure.kind().value() : null, (failure != null) ? failure.code() : null,
				view.summaryId().toString(), view.createdAt());
	}

	boolean isFinished() {
		return !this.status.equals("processing");
	}

}
