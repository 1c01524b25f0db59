package io.sightline.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The task aggregate: the only place that changes a task's state. Every transition checks
 * that it is allowed and keeps progress monotonic; they are package-private, so a worker
 * changes a task only through {@link TaskTracker} and everyone else through
 * {@link Tasks}. Each write of a changed task gets the next sequence number, which SSE
 * clients resume from, and the aggregate records the {@link ProgressChanged} of that
 * write for {@link Tasks} to publish. Transitions answer whether they changed anything.
 */
public final class Task {

	private static final int MAX_TITLE = 1000;

	private final UUID id;

	private final String owner;

	private final TaskSource source;

	private final UUID summaryId;

	private final int maxAttempts;

	private final Instant createdAt;

	private final List<ProgressChanged> events = new ArrayList<>();

	private State state;

	private long sequence;

	private boolean dirty;

	private Instant updatedAt;

	private String title;

	Task(UUID id, String owner, TaskSource source, UUID summaryId, int maxAttempts, Instant createdAt, State state,
			long sequence, Instant updatedAt) {
		this(id, owner, source, summaryId, maxAttempts, createdAt, state, sequence, updatedAt, null);
	}

	Task(UUID id, String owner, TaskSource source, UUID summaryId, int maxAttempts, Instant createdAt, State state,
			long sequence, Instant updatedAt, String title) {
		this.id = Objects.requireNonNull(id, "id");
		this.owner = Objects.requireNonNull(owner, "owner");
		this.source = Objects.requireNonNull(source, "source");
		this.summaryId = Objects.requireNonNull(summaryId, "summaryId");
		this.maxAttempts = maxAttempts;
		this.createdAt = createdAt;
		this.state = Objects.requireNonNull(state, "state");
		this.sequence = sequence;
		this.updatedAt = updatedAt;
		this.title = title;
	}

	/** A new task, waiting for a worker. Its first write is sequence number 1. */
	static Task queued(String owner, TaskSource source, int maxAttempts, String queuedStage, Instant now) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
		}
		State queued = new State(TaskStatus.PROCESSING, Progress.NONE, queuedStage, Phase.QUEUED, null, null, null, 1);
		return new Task(UUID.randomUUID(), owner, source, UUID.randomUUID(), maxAttempts, now, queued, 0, now);
	}

	/**
	 * A task born completed: its result, {@code summaryId}, exists already (an item of a
	 * collection that the owner's library holds).
	 */
	static Task alreadyDone(String owner, TaskSource source, UUID summaryId, int maxAttempts, String stageText,
			Instant now) {
		State done = new State(TaskStatus.COMPLETED, Progress.DONE, stageText, Phase.DONE, null, null, null, 1);
		return new Task(UUID.randomUUID(), owner, source, summaryId, maxAttempts, now, done, 0, now);
	}

	/**
	 * Work on a stage starts: its phase and text show from now on, a waiting retry is
	 * over, and progress moves at least to the stage's floor.
	 */
	boolean startStage(Phase phase, String stageText, int floor, Instant now) {
		requireProcessing("start a stage");
		if (phase == Phase.QUEUED || phase == Phase.RETRYING || phase == Phase.DONE) {
			throw new IllegalArgumentException("a stage is work, not " + phase.value());
		}
		return change(new State(TaskStatus.PROCESSING, this.state.progress().advanceTo(floor), stageText, phase, null,
				null, null, this.state.attempt()), now);
	}

	/**
	 * Work within the current stage advanced; a lower value than shown already is
	 * ignored, and a null text keeps the current one.
	 */
	boolean report(int percent, String stageText, Instant now) {
		requireProcessing("report progress");
		State current = this.state;
		return change(new State(TaskStatus.PROCESSING, current.progress().advanceTo(Math.min(percent, 99)),
				(stageText != null) ? stageText : current.stage(), current.phase(), null, null, current.retryAt(),
				current.attempt()), now);
	}

	/**
	 * A transient failure will be retried: the next attempt starts at {@code nextAt}, and
	 * progress stays where it is.
	 */
	boolean retrying(String stageText, Instant nextAt, Instant now) {
		requireProcessing("retry");
		if (!hasAttemptsLeft()) {
			throw new IllegalStateException("task " + this.id + " has no attempts left: " + this.state.attempt());
		}
		return change(new State(TaskStatus.PROCESSING, this.state.progress(), stageText, Phase.RETRYING, null, null,
				Objects.requireNonNull(nextAt, "nextAt"), this.state.attempt() + 1), now);
	}

	boolean complete(String stageText, Instant now) {
		return change(new State(TaskStatus.COMPLETED, Progress.DONE, stageText, Phase.DONE, null, null, null,
				this.state.attempt()), now);
	}

	/** Ends the task in error: {@code why} for programs, {@code sentence} for people. */
	boolean fail(TaskFailure why, String sentence, Instant now) {
		Objects.requireNonNull(why, "a failed task needs a failure programs can read");
		Objects.requireNonNull(sentence, "a failed task needs a sentence that says why");
		if (why.kind() == TaskFailure.Kind.CANCELLED) {
			throw new IllegalArgumentException("a task is cancelled by cancel(), not by fail()");
		}
		return change(new State(TaskStatus.ERROR, this.state.progress(), "Failed", Phase.DONE, sentence, why, null,
				this.state.attempt()), now);
	}

	/** Cancelling a finished task changes nothing. */
	boolean cancel(Instant now) {
		if (this.state.status().isTerminal()) {
			return false;
		}
		return change(new State(TaskStatus.CANCELLED, this.state.progress(), "Cancelled", Phase.DONE, null,
				TaskFailure.cancelled(), null, this.state.attempt()), now);
	}

	public boolean hasAttemptsLeft() {
		return this.state.attempt() < this.maxAttempts;
	}

	private void requireProcessing(String action) {
		if (this.state.status() != TaskStatus.PROCESSING) {
			throw new IllegalStateException(
					"cannot " + action + " on task " + this.id + ": it is " + this.state.status().value());
		}
	}

	private boolean change(State next, Instant now) {
		if (!this.state.status().canMoveTo(next.status())) {
			throw new IllegalStateException("task " + this.id + " cannot move from " + this.state.status().value()
					+ " to " + next.status().value());
		}
		if (next.equals(this.state)) {
			return false;
		}
		this.state = next;
		this.dirty = true;
		this.updatedAt = now;
		return true;
	}

	/**
	 * What the task summarizes is now known by this title (a video's, a page's, a
	 * playlist's); answers whether that changed it.
	 */
	boolean name(String newTitle, Instant now) {
		requireProcessing("name it");
		if (newTitle == null || newTitle.isBlank() || newTitle.equals(this.title)) {
			return false;
		}
		this.title = (newTitle.length() > MAX_TITLE) ? newTitle.substring(0, MAX_TITLE) : newTitle;
		this.dirty = true;
		this.updatedAt = now;
		return true;
	}

	/** The title of what the task summarizes, once known (else null). */
	public String title() {
		return this.title;
	}

	/** Whether the task has changes that are not written yet. */
	public boolean isDirty() {
		return this.dirty;
	}

	/**
	 * This state was written as {@code writtenSequence}; records the event of that write.
	 */
	void persisted(long writtenSequence) {
		this.sequence = writtenSequence;
		this.dirty = false;
		this.events.add(new ProgressChanged(this.id, writtenSequence, view()));
	}

	/**
	 * The events of the writes since the last call, in order; each is handed out once.
	 */
	List<ProgressChanged> takeEvents() {
		List<ProgressChanged> taken = List.copyOf(this.events);
		this.events.clear();
		return taken;
	}

	public TaskView view() {
		State current = this.state;
		RetryPlan retry = (current.phase() == Phase.RETRYING && current.retryAt() != null)
				? new RetryPlan(current.attempt(), this.maxAttempts, current.retryAt()) : null;
		boolean collection = this.source.kind() == TaskSource.Kind.COLLECTION;
		return new TaskView(this.id, current.progress().percent(), current.stage(), current.status(), current.phase(),
				current.error(), current.failure(), retry, collection ? null : this.summaryId, current.attempt(),
				this.maxAttempts, this.createdAt, this.updatedAt, collection ? this.summaryId : null, shownTitle(),
				TaskView.Source.of(this.source));
	}

	/**
	 * The title to show: the one the source gave, else what its list said of it, else the
	 * uploaded file's name.
	 */
	private String shownTitle() {
		if (this.title != null) {
			return this.title;
		}
		if (this.source.item() != null && this.source.item().title() != null) {
			return this.source.item().title();
		}
		return this.source.fileName();
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
		return this.state.status();
	}

	public Progress progress() {
		return this.state.progress();
	}

	public String stage() {
		return this.state.stage();
	}

	public Phase phase() {
		return this.state.phase();
	}

	public String error() {
		return this.state.error();
	}

	/** Why it ended without a summary; empty while it runs and once it completed. */
	public Optional<TaskFailure> failure() {
		return Optional.ofNullable(this.state.failure());
	}

	public int attempt() {
		return this.state.attempt();
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

	State state() {
		return this.state;
	}

	/**
	 * Everything a transition may change, compared as a whole: a transition that leaves
	 * it equal writes nothing.
	 */
	record State(TaskStatus status, Progress progress, String stage, Phase phase, String error, TaskFailure failure,
			Instant retryAt, int attempt) {
	}

}
