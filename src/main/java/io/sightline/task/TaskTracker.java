package io.sightline.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A worker's handle on the task it runs. Stage starts, retries and endings are written at
 * once; progress reports within a stage are coalesced to at most one write per
 * {@code writeInterval}. When someone else ended the task meanwhile (a cancel), the next
 * write finds out and throws {@link TaskCancelledException}, which is how a cancel stops
 * work at the next step boundary; a worker with nothing new to say (a slow call awaited,
 * ticking) reads the stored task once per {@code writeInterval} to find out.
 */
public final class TaskTracker {

	private final TaskStore tasks;

	private final Clock clock;

	private final Duration writeInterval;

	private Task task;

	private Instant lastWrite = Instant.MIN;

	TaskTracker(TaskStore tasks, Task task, Clock clock, Duration writeInterval) {
		this.tasks = tasks;
		this.task = task;
		this.clock = clock;
		this.writeInterval = writeInterval;
	}

	public Task task() {
		return this.task;
	}

	/** Work on a stage starts; its phase and text are written at once. */
	public void startStage(Phase phase, String stageText, int floor) {
		startStage(phase, stageText, floor, null);
	}

	/**
	 * Work on a stage starts, written in one transaction with {@code alongside} (what the
	 * previous stage made), so either both are stored or neither.
	 */
	public void startStage(Phase phase, String stageText, int floor, Runnable alongside) {
		apply((task) -> task.startStage(phase, stageText, floor, this.tasks.now()), alongside);
	}

	/**
	 * Progress within the current stage; {@code stageText} may be null to keep the
	 * current one.
	 */
	public void report(int percent, String stageText) {
		if (this.task.status().isTerminal()) {
			throw new TaskCancelledException(this.task.id());
		}
		this.task.report(percent, stageText, this.tasks.now());
		if (Duration.between(this.lastWrite, this.clock.instant()).compareTo(this.writeInterval) >= 0) {
			if (this.task.isDirty()) {
				flush();
			}
			else {
				// nothing to write (a slow call awaited): a cancel is only heard by
				// asking
				this.lastWrite = this.clock.instant();
				reloadIfChanged();
			}
		}
	}

	/**
	 * Progress within the current stage that is written at once, never merged with other
	 * reports.
	 */
	public void milestone(int percent, String stageText) {
		if (this.task.status().isTerminal()) {
			throw new TaskCancelledException(this.task.id());
		}
		this.task.report(percent, stageText, this.tasks.now());
		flush();
		if (this.task.status().isTerminal()) {
			throw new TaskCancelledException(this.task.id());
		}
	}

	/**
	 * What the task summarizes is known by this title now; written at once, so every
	 * client shows it.
	 */
	public void titled(String title) {
		apply((task) -> task.name(title, this.tasks.now()), null);
	}

	/** The attempt failed and the next one starts at {@code nextAt}. */
	public void retrying(String stageText, Instant nextAt) {
		apply((task) -> task.retrying(stageText, nextAt, this.tasks.now()), null);
	}

	/** Ends the task as completed in the same transaction as {@code storeResult}. */
	public void complete(String stageText, Runnable storeResult) {
		apply((task) -> task.complete(stageText, this.tasks.now()), storeResult);
	}

	/** Ends the task in error: {@code why} for programs, {@code sentence} for people. */
	public void fail(TaskFailure why, String sentence) {
		fail(why, sentence, null);
	}

	/** Ends the task in error in the same transaction as {@code storeOutcome}. */
	public void fail(TaskFailure why, String sentence, Runnable storeOutcome) {
		apply((task) -> task.fail(why, sentence, this.tasks.now()), storeOutcome);
	}

	/** Throws {@link TaskCancelledException} if the task was ended by someone else. */
	public void checkStillWanted() {
		flush();
		Task current = this.tasks.load(this.task.id()).orElseThrow(() -> new TaskCancelledException(this.task.id()));
		if (current.status().isTerminal()) {
			throw new TaskCancelledException(this.task.id());
		}
	}

	private void apply(Predicate<Task> change, Runnable alongside) {
		if (this.task.status().isTerminal()) {
			throw new TaskCancelledException(this.task.id());
		}
		change.test(this.task);
		try {
			write(alongside);
		}
		catch (ConcurrentTaskChangeException raced) {
			reload();
			change.test(this.task);
			write(alongside);
		}
	}

	/**
	 * Writes pending progress; if someone else wrote meanwhile, takes their state
	 * instead.
	 */
	private void flush() {
		try {
			write(null);
		}
		catch (ConcurrentTaskChangeException raced) {
			reload();
		}
	}

	private void write(Runnable alongside) {
		this.tasks.write(this.task, alongside);
		this.lastWrite = this.clock.instant();
	}

	/**
	 * Reads the stored task when someone else wrote it since; throws if that ended it.
	 */
	private void reloadIfChanged() {
		Task current = this.tasks.load(this.task.id()).orElseThrow(() -> new TaskCancelledException(this.task.id()));
		if (current.sequence() != this.task.sequence()) {
			this.task = current;
			if (current.status().isTerminal()) {
				throw new TaskCancelledException(current.id());
			}
		}
	}

	private void reload() {
		Task current = this.tasks.load(this.task.id()).orElseThrow(() -> new TaskCancelledException(this.task.id()));
		if (current.status().isTerminal()) {
			this.task = current;
			throw new TaskCancelledException(current.id());
		}
		this.task = current;
	}

}
