package io.sightline.cli;

import java.time.Instant;
import java.util.Locale;

import io.sightline.task.TaskFailure;
import io.sightline.task.TaskView;

/**
 * A task's state as the command line follows it, from the local task store or from a
 * server's JSON. {@code stage} and {@code error} are shown; decisions (the exit code) are
 * made from {@code status} and {@code failureKind} only. A playlist's or channel's task
 * has a {@code collectionId} instead of a {@code summaryId}.
 */
record TaskState(String taskId, String status, String phase, int progress, String stage, String error,
		String failureKind, String failureCode, String summaryId, Instant createdAt, String collectionId) {

	static TaskState of(TaskView view) {
		TaskFailure failure = view.failure();
		return new TaskState(view.taskId().toString(), view.status().name().toLowerCase(Locale.ROOT),
				view.phase().value(), view.progress(), view.stage(), view.error(),
				(failure != null) ? failure.kind().value() : null, (failure != null) ? failure.code() : null,
				(view.summaryId() != null) ? view.summaryId().toString() : null, view.createdAt(),
				(view.collectionId() != null) ? view.collectionId().toString() : null);
	}

	boolean isFinished() {
		return !this.status.equals("processing");
	}

}
