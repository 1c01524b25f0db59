package io.sightline.task;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
		task.startStage("Summarizing...", 40, NOW);
		assertThat(task.report(30, null, NOW)).isFalse();
		assertThat(task.progress().percent()).isEqualTo(40);
		task.report(60, null, NOW);
		task.startStage("Reading the transcript...", 20, NOW);
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
		task.startStage("Reading the transcript...", 20, NOW);
		task.report(35, null, NOW);
		assertThat(task.retrying("Retrying in 2 s (attempt 2 of 3): busy", NOW)).isTrue();
		assertThat(task.progress().percent()).isEqualTo(35);
		assertThat(task.attempt()).isEqualTo(2);
		assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
	}

	@Test
	void aTaskWithoutAttemptsLeftCannotRetry() {
		Task task = aTask();
		task.retrying("again", NOW);
		task.retrying("and again", NOW);
		assertThat(task.hasAttemptsLeft()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> task.retrying("once more", NOW));
	}

	@Test
	void finishedTasksDoNotMoveAgain() {
		Task task = aTask();
		task.fail("This video is private.", NOW);
		assertThatIllegalStateException().isThrownBy(() -> task.complete("done", NOW));
		assertThatIllegalStateException().isThrownBy(() -> task.startStage("again", 5, NOW));
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
		task.startStage("Reading source information...", 5, NOW.plusSeconds(1));
		assertThat(task.isDirty()).isTrue();
		assertThat(task.updatedAt()).isEqualTo(NOW.plusSeconds(1));
		task.persisted(2);
		assertThat(task.sequence()).isEqualTo(2);
		assertThat(task.isDirty()).isFalse();
	}

	@Test
	void cancelEndsAProcessingTaskKeepingItsProgress() {
		Task task = aTask();
		task.startStage("Summarizing...", 40, NOW);
		assertThat(task.cancel(NOW)).isTrue();
		assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(task.progress().percent()).isEqualTo(40);
	}

}
