package io.sightline.task;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TaskTest {

	static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	static Task aTask() {
		return Task.queued("local", new TaskSource(TaskSource.Kind.URL, "https://example.com", null, null, null, null),
				3, "Queued", NOW);
	}

	@Test
	void progressNeverGoesDownWhenALowerValueIsReported() {
		Task task = aTask();
		task.startStage(Phase.SUMMARIZING, "Summarizing...", 40, NOW);
		assertThat(task.report(30, null, NOW)).isFalse();
		assertThat(task.progress().percent()).isEqualTo(40);
		task.report(60, null, NOW);
		task.startStage(Phase.FETCHING, "Reading the transcript...", 20, NOW);
		assertThat(task.progress().percent()).isEqualTo(60);
		assertThat(task.stage()).isEqualTo("Reading the transcript...");
	}

	@Test
	void progressReachesOneHundredOnlyOnCompletion() {
		Task task = aTask();
		task.report(100, null, NOW);
		assertThat(task.progress().percent()).isEqualTo(99);
		task.complete("Summary ready", NOW);
		assertThat(task.progress().percent()).isEqualTo(100);
		assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	void progressNeverGoesDownWhenARetryStarts() {
		Task task = aTask();
		task.startStage(Phase.FETCHING, "Reading the transcript...", 20, NOW);
		task.report(35, null, NOW);
		assertThat(task.retrying("Retrying in 2 s (attempt 2 of 3): busy", NOW.plusSeconds(2), NOW)).isTrue();
		assertThat(task.progress().percent()).isEqualTo(35);
		assertThat(task.attempt()).isEqualTo(2);
		assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
	}

	@Test
	void aTaskWithoutAttemptsLeftCannotRetry() {
		Task task = aTask();
		task.retrying("again", NOW, NOW);
		task.retrying("and again", NOW, NOW);
		assertThat(task.hasAttemptsLeft()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> task.retrying("once more", NOW, NOW));
	}

	@Test
	void finishedTasksDoNotMoveAgain() {
		Task task = aTask();
		task.fail(TaskFailure.permanent("youtube.private"), "This video is private.", NOW);
		assertThatIllegalStateException().isThrownBy(() -> task.complete("done", NOW));
		assertThatIllegalStateException().isThrownBy(() -> task.startStage(Phase.FETCHING, "again", 5, NOW));
		assertThat(task.cancel(NOW)).isFalse();
		assertThat(task.status()).isEqualTo(TaskStatus.ERROR);
		assertThat(task.error()).isEqualTo("This video is private.");
	}

	@Test
	void onlyChangesMakeTheTaskDirty() {
		Task task = aTask();
		task.persisted(1);
		assertThat(task.report(0, null, NOW)).isFalse();
		assertThat(task.isDirty()).isFalse();
		task.startStage(Phase.FETCHING, "Reading source information...", 5, NOW.plusSeconds(1));
		assertThat(task.isDirty()).isTrue();
		assertThat(task.updatedAt()).isEqualTo(NOW.plusSeconds(1));
		task.persisted(2);
		assertThat(task.sequence()).isEqualTo(2);
		assertThat(task.isDirty()).isFalse();
	}

	@Test
	void cancelEndsAProcessingTaskKeepingItsProgress() {
		Task task = aTask();
		task.startStage(Phase.SUMMARIZING, "Summarizing...", 40, NOW);
		assertThat(task.cancel(NOW)).isTrue();
		assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(task.progress().percent()).isEqualTo(40);
	}

	@Test
	void aNewTaskIsQueuedWithNoFailureAndNoRetry() {
		TaskView view = aTask().view();
		assertThat(view.phase()).isEqualTo(Phase.QUEUED);
		assertThat(view.failure()).isNull();
		assertThat(view.retry()).isNull();
	}

	@Test
	void aWaitingRetryIsPlannedDataUntilTheNextStageStarts() {
		Task task = aTask();
		task.startStage(Phase.FETCHING, "Reading the transcript...", 20, NOW);
		task.retrying("Retrying in 4 s (attempt 2 of 3): busy", NOW.plusSeconds(4), NOW);
		TaskView waiting = task.view();
		assertThat(waiting.phase()).isEqualTo(Phase.RETRYING);
		assertThat(waiting.retry()).isEqualTo(new RetryPlan(2, 3, NOW.plusSeconds(4)));
		task.startStage(Phase.FETCHING, "Reading the transcript...", 20, NOW.plusSeconds(4));
		assertThat(task.view().phase()).isEqualTo(Phase.FETCHING);
		assertThat(task.view().retry()).isNull();
		assertThat(task.view().attempt()).isEqualTo(2);
	}

	@Test
	void everyEndIsDoneAndCarriesItsFailureAsData() {
		Task failed = aTask();
		failed.fail(TaskFailure.gaveUp("youtube.server_error"), "Gave up after 3 attempts: YouTube answered 503.", NOW);
		assertThat(failed.view().phase()).isEqualTo(Phase.DONE);
		assertThat(failed.view().failure())
			.isEqualTo(new TaskFailure(TaskFailure.Kind.GAVE_UP, "youtube.server_error", true));

		Task cancelled = aTask();
		cancelled.cancel(NOW);
		assertThat(cancelled.view().phase()).isEqualTo(Phase.DONE);
		assertThat(cancelled.view().failure())
			.isEqualTo(new TaskFailure(TaskFailure.Kind.CANCELLED, TaskFailure.CANCELLED_CODE, true));

		Task completed = aTask();
		completed.complete("Summary ready", NOW);
		assertThat(completed.view().phase()).isEqualTo(Phase.DONE);
		assertThat(completed.view().failure()).isNull();
	}

	@Test
	void aTaskIsNotCancelledThroughFail() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> aTask().fail(new TaskFailure(TaskFailure.Kind.CANCELLED, "task.cancelled", true), "x", NOW));
	}

	@Test
	void aStageIsWorkNotAWaitOrAnEnd() {
		assertThatIllegalArgumentException().isThrownBy(() -> aTask().startStage(Phase.RETRYING, "x", 5, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> aTask().startStage(Phase.DONE, "x", 5, NOW));
	}

	@Test
	void eachWriteRecordsOneEventWithItsSequenceHandedOutOnce() {
		Task task = aTask();
		task.persisted(1);
		task.startStage(Phase.FETCHING, "Reading source information...", 5, NOW);
		task.persisted(2);
		assertThat(task.takeEvents()).extracting(ProgressChanged::sequence).containsExactly(1L, 2L);
		assertThat(task.takeEvents()).isEmpty();
	}

}
