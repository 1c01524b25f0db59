package io.sightline.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.sightline.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The worker's handle on its task, against a store held in memory: what it writes, when,
 * and how it meets writes made by someone else (a cancel from the API, another node).
 */
class TaskTrackerTest {

	static final Duration WRITE_INTERVAL = Duration.ofMillis(250);

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

	final MemoryStore store = new MemoryStore(this.clock);

	final TaskTracker tracker = new TaskTracker(this.store, this.store.add(TaskTest.aTask()), this.clock,
			WRITE_INTERVAL);

	@Test
	void reportsWithinTheWriteIntervalAreMergedIntoOneWrite() {
		this.tracker.startStage(Phase.SUMMARIZING, "Summarizing...", 40);
		for (int percent = 41; percent <= 60; percent++) {
			this.tracker.report(percent, "Summarizing part " + percent);
		}
		assertThat(this.store.writes).extracting(Task.State::progress)
			.extracting(Progress::percent)
			.containsExactly(40);

		this.clock.advance(WRITE_INTERVAL);
		this.tracker.report(61, "Summarizing part 61");
		assertThat(this.store.writes).extracting((state) -> state.progress().percent()).containsExactly(40, 61);
		assertThat(this.store.committed().stage()).isEqualTo("Summarizing part 61");
	}

	@Test
	void milestonesAndStageStartsAreWrittenAtOnce() {
		this.tracker.startStage(Phase.FETCHING, "Reading the transcript...", 20);
		this.tracker.milestone(30, "Part 1 of 2 done");
		this.tracker.milestone(35, "Part 2 of 2 done");
		assertThat(this.store.writes).extracting(Task.State::stage)
			.containsExactly("Reading the transcript...", "Part 1 of 2 done", "Part 2 of 2 done");
	}

	@Test
	void aCancelMadeElsewhereStopsTheWorkerAtItsNextWrite() {
		this.tracker.startStage(Phase.FETCHING, "Reading the transcript...", 20);
		this.store.elsewhere((task) -> task.cancel(this.clock.instant()));

		assertThatExceptionOfType(TaskCancelledException.class)
			.isThrownBy(() -> this.tracker.startStage(Phase.SUMMARIZING, "Summarizing...", 40));
		assertThat(this.tracker.task().status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(this.store.committed().status()).isEqualTo(TaskStatus.CANCELLED);
		assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> this.tracker.report(50, null));
	}

	@Test
	void aMergedReportThatMeetsACancelEndsTheWork() {
		this.tracker.startStage(Phase.SUMMARIZING, "Summarizing...", 40);
		this.store.elsewhere((task) -> task.cancel(this.clock.instant()));
		this.tracker.report(45, null);
		this.clock.advance(WRITE_INTERVAL);
		assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> this.tracker.report(46, null));
		assertThat(this.store.committed().status()).isEqualTo(TaskStatus.CANCELLED);
	}

	@Test
	void aReportThatChangesNothingStillMeetsACancelOncePerWriteInterval() {
		// a worker waiting on a slow call ticks without news; the cancel must reach it
		this.tracker.startStage(Phase.TRANSCRIBING, "Transcribing part 1 of 4...", 40);
		this.tracker.report(45, null);
		this.clock.advance(WRITE_INTERVAL);
		this.tracker.report(45, null);
		this.store.elsewhere((task) -> task.cancel(this.clock.instant()));
		this.tracker.report(45, null);
		this.clock.advance(WRITE_INTERVAL);

		assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> this.tracker.report(45, null));
		assertThat(this.tracker.task().status()).isEqualTo(TaskStatus.CANCELLED);
	}

	@Test
	void aCancelThatRacesTheCompletionWinsAndNothingIsStored() {
		this.tracker.startStage(Phase.STORING, "Saving the summary...", 90);
		this.store.elsewhere((task) -> task.cancel(this.clock.instant()));
		AtomicBoolean stored = new AtomicBoolean();

		assertThatExceptionOfType(TaskCancelledException.class)
			.isThrownBy(() -> this.tracker.complete("Summary ready", () -> stored.set(true)));
		assertThat(stored).isFalse();
		assertThat(this.store.committed().status()).isEqualTo(TaskStatus.CANCELLED);
	}

	@Test
	void aCompletionCommitsWithWhatItStoresAndThenCannotBeCancelled() {
		this.tracker.startStage(Phase.STORING, "Saving the summary...", 90);
		AtomicBoolean stored = new AtomicBoolean();
		this.tracker.complete("Summary ready", () -> stored.set(true));
		assertThat(stored).isTrue();
		assertThat(this.store.committed().status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(this.store.committed().progress().percent()).isEqualTo(100);
	}

	@Test
	void aChangeMadeElsewhereThatDoesNotEndTheTaskIsBuiltUpon() {
		this.tracker.startStage(Phase.SUMMARIZING, "Summarizing...", 40);
		this.store.elsewhere((task) -> task.report(70, "Written by an earlier run", this.clock.instant()));

		this.tracker.milestone(50, "Part 1 of 4 done");
		assertThat(this.store.committed().progress().percent()).as("progress never goes down").isEqualTo(70);
		this.tracker.startStage(Phase.STORING, "Saving the summary...", 90);
		assertThat(this.store.committed().stage()).isEqualTo("Saving the summary...");
		assertThat(this.store.committed().progress().percent()).isEqualTo(90);
	}

	@Test
	void checkStillWantedReadsTheCommittedState() {
		this.tracker.startStage(Phase.FETCHING, "Reading the transcript...", 20);
		this.tracker.checkStillWanted();
		this.store.elsewhere((task) -> task.cancel(this.clock.instant()));
		assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(this.tracker::checkStillWanted);
	}

	@Test
	void aRetryWaitsWithItsPlanAndTheNextStageEndsTheWait() {
		this.tracker.startStage(Phase.FETCHING, "Reading the transcript...", 20);
		Instant nextAt = this.clock.instant().plusSeconds(4);
		this.tracker.retrying("Retrying in 4 s (attempt 2 of 3): busy", nextAt);
		assertThat(this.store.committed().view().retry()).isEqualTo(new RetryPlan(2, 3, nextAt));
		this.tracker.startStage(Phase.FETCHING, "Reading the transcript...", 20);
		assertThat(this.store.committed().view().retry()).isNull();
		assertThat(this.store.committed().view().phase()).isEqualTo(Phase.FETCHING);
	}

	/**
	 * Tasks in memory with the database's rule: a write succeeds only on the state it was
	 * read from (the sequence number), like {@code UPDATE … WHERE seq = ?}.
	 */
	static final class MemoryStore implements TaskStore {

		private final MutableClock clock;

		private Task committed;

		final List<Task.State> writes = new ArrayList<>();

		MemoryStore(MutableClock clock) {
			this.clock = clock;
		}

		Task add(Task task) {
			task.persisted(1);
			this.committed = copy(task);
			return task;
		}

		Task committed() {
			return this.committed;
		}

		/** Another writer (the API, another node) changes the committed task. */
		void elsewhere(Consumer<Task> change) {
			Task theirs = copy(this.committed);
			change.accept(theirs);
			theirs.persisted(this.committed.sequence() + 1);
			this.committed = copy(theirs);
		}

		@Override
		public Instant now() {
			return this.clock.instant();
		}

		@Override
		public Optional<Task> load(UUID id) {
			return Optional.of(copy(this.committed));
		}

		@Override
		public void write(Task task, Runnable alongside) {
			if (!task.isDirty()) {
				return;
			}
			if (task.sequence() != this.committed.sequence()) {
				throw new ConcurrentTaskChangeException(task.id(), task.sequence());
			}
			if (alongside != null) {
				alongside.run();
			}
			task.persisted(task.sequence() + 1);
			this.writes.add(task.state());
			this.committed = copy(task);
		}

		private static Task copy(Task task) {
			return new Task(task.id(), task.owner(), task.source(), task.summaryId(), task.maxAttempts(),
					task.createdAt(), task.state(), task.sequence(), task.updatedAt());
		}

	}

}
