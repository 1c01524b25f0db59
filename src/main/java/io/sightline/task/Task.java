package io.sightline.task;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The task aggregate: the only place that changes a task's state. Every method checks the
 * transition and keeps progress monotonic. Each write of a changed task gets the next
 * sequence number, which SSE clients resume from. Methods answer whether they changed
 * anything.
 */
public final class Task {

	private final UUID id;

	private final String owner;

	private final TaskSource source;

	private final UUID summaryId;

	private final int maxAttempts;

	private final Instant createdAt;

	private TaskStatus status;

	private Progress progress;

	private String stage;

	private String error;

	private int attempt;

	private long sequence;

	private boolean dirty;

	private Instant updatedAt;

	Task(UUID id, String owner, TaskSource source, UUID summaryId, int maxAttempts, Instant createdAt,
			TaskStatus status, Progress progress, String stage, String error, int attempt, long sequence,
			Instant updatedAt) {
		this.id = Objects.requireNonNull(id, "id");
		this.owner = Objects.requireNonNull(owner, "owner");
		this.source = Objects.requireNonNull(source, "source");
		this.summaryId = Objects.requireNonNull(summaryId, "summaryId");
		this.maxAttempts = maxAttempts;
		this.createdAt = createdAt;
		this.status = status;
		this.progress = progress;
		this.stage = stage;
		this.error = error;
		this.attempt = attempt;
		this.sequence = sequence;
		this.updatedAt = updatedAt;
	}

	/** A new task, waiting for a worker. Its first write is sequence number 1. */
	public static Task queued(String owner, TaskSource source, int maxAttempts, String queuedStage, Instant now) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
		}
		return new Task(UUID.randomUUID(), owner, source, UUID.randomUUID(), maxAttempts, now, TaskStatus.PROCESSING,
				Progress.NONE, queuedStage, null, 1, 0, now);
	}

	/**
	 * Work on a stage starts: its text shows from now on, and progress moves at least to
	 * its floor.
	 */
	public boolean startStage(String stageText, int floor, Instant now) {
		requireProcessing("start a stage");
		return change(TaskStatus.PROCESSING, this.progress.advanceTo(floor), stageText, null, this.attempt, now);
	}

	/**
	 * Work within the current stage advanced; a lower value than shown already is
	 * ignored.
	 */
	public boolean report(int percent, String stageText, Instant now) {
		requireProcessing("report progress");
		int capped = Math.min(percent, 99);
		return change(TaskStatus.PROCESSING, this.progress.advanceTo(capped),
				(stageText != null) ? stageText : this.stage, null, this.attempt, now);
	}

	/**
	 * A transient failure will be retried: the next attempt starts, progress stays where
	 * it is.
	 */
	public boolean retrying(String stageText, Instant now) {
		requireProcessing("retry");
		if (!hasAttemptsLeft()) {
			throw new IllegalStateException("task " + this.id + " has no attempts left: " + this.attempt);
		}
		return change(TaskStatus.PROCESSING, this.progress, stageText, null, this.attempt + 1, now);
	}

	public boolean complete(String stageText, Instant now) {
		return change(TaskStatus.COMPLETED, Progress.DONE, stageText, null, this.attempt, now);
	}

	public boolean fail(String sentence, Instant now) {
		Objects.requireNonNull(sentence, "a failed task needs a sentence that says why");
		return change(TaskStatus.ERROR, this.progress, "Failed", sentence, this.attempt, now);
	}

	/** Cancelling a finished task changes nothing. */
	public boolean cancel(Instant now) {
		if (this.status.isTerminal()) {
			return false;
		}
		return change(TaskStatus.CANCELLED, this.progress, "Cancelled", null, this.attempt, now);
	}

	public boolean hasAttemptsLeft() {
		return this.attempt < this.maxAttempts;
	}

	private void requireProcessing(String action) {
		if (this.status != TaskStatus.PROCESSING) {
			throw new IllegalStateException(
					"cannot " + action + " on task " + this.id + ": it is " + this.status.value());
		}
	}

	private boolean change(TaskStatus nextStatus, Progress nextProgress, String nextStage, String nextError,
			int nextAttempt, Instant now) {
		if (!this.status.canMoveTo(nextStatus)) {
			throw new IllegalStateException(
					"task " + this.id + " cannot move from " + this.status.value() + " to " + nextStatus.value());
		}
		boolean changed = nextStatus != this.status || !nextProgress.equals(this.progress)
				|| !Objects.equals(nextStage, this.stage) || !Objects.equals(nextError, this.error)
				|| nextAttempt != this.attempt;
		if (changed) {
			this.status = nextStatus;
			this.progress = nextProgress;
			this.stage = nextStage;
			this.error = nextError;
			this.attempt = nextAttempt;
			this.dirty = true;
			this.updatedAt = now;
		}
		return changed;
	}

	/** Whether the task has changes that are not written yet. */
	public boolean isDirty() {
		return this.dirty;
	}

	void persisted(long writtenSequence) {
		this.sequence = writtenSequence;
		this.dirty = false;
	}

	public TaskView view() {
		return new TaskView(this.id, this.progress.percent(), this.stage, this.status, this.error, this.summaryId,
				this.attempt, this.maxAttempts, this.createdAt, this.updatedAt);
	}

	public UUID id() {
		return this.id;
	}

	public String owner() {
		return this.owner;
	}

	public TaskSource source() {
		return this.source;
	}

	public UUID summaryId() {
		return this.summaryId;
	}

	public TaskStatus status() {
		return this.status;
	}

	public Progress progress() {
		return this.progress;
	}

	public String stage() {
		return this.stage;
	}

	public String error() {
		return this.error;
	}

	public int attempt() {
		return this.attempt;
	}

	public int maxAttempts() {
		return this.maxAttempts;
	}

	public long sequence() {
		return this.sequence;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
