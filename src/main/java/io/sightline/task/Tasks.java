package io.sightline.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.sightline.system.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task module's public face: creates tasks, reads them for their owner, and writes
 * their changes. A write and its entry in the change log commit together, and
 * {@link ProgressChanged} is published for each write; listeners that push to clients act
 * once it is committed.
 */
@Service
public class Tasks {

	private final TaskRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final TaskProperties properties;

	/** How long an ended request stays in the activity list. */
	static final Duration RECENT = Duration.ofDays(1);

	static final int MAX_RECENT = 100;

	private final Clock clock;

	private final TaskViews views;

	/** This store as its trackers see it. */
	private final TaskStore store = new TaskStore() {

		@Override
		public Instant now() {
			return Tasks.this.now();
		}

		@Override
		public Optional<Task> load(UUID id) {
			return Tasks.this.load(id);
		}

		@Override
		public void write(Task task, Runnable alongside) {
			Tasks.this.write(task, alongside);
		}

	};

	Tasks(TaskRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events,
			TaskProperties properties, Clock clock, TaskViews views) {
		this.views = views;
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates a queued task; joins the caller's transaction so the task and its job
	 * commit together.
	 */
	public Task create(String owner, TaskSource source, String uploadContent, String queuedStage) {
		Task task = Task.queued(owner, source, this.properties.maxAttempts(), queuedStage, now());
		this.transactions.executeWithoutResult((status) -> {
			this.repository.insert(task, uploadContent);
			publishEvents(task);
		});
		return task;
	}

	/**
	 * Creates a queued task for one item of the collection {@code parent}, with
	 * {@code weight} its share of the parent's bar; joins the caller's transaction.
	 */
	public Task createChild(UUID parent, String owner, TaskSource source, int weight, String queuedStage) {
		return createChild(parent, weight,
				Task.queued(owner, source, this.properties.maxAttempts(), queuedStage, now()));
	}

	/**
	 * Makes a task, completed from the start, for one item of the collection
	 * {@code parent} whose summary {@code summaryId} exists already; joins the caller's
	 * transaction.
	 */
	public Task createDoneChild(UUID parent, String owner, TaskSource source, int weight, UUID summaryId,
			String stageText) {
		return createChild(parent, weight,
				Task.alreadyDone(owner, source, summaryId, this.properties.maxAttempts(), stageText, now()));
	}

	private Task createChild(UUID parent, int weight, Task task) {
		this.transactions.executeWithoutResult((status) -> {
			this.repository.insert(task, null);
			this.repository.link(task.id(), parent, weight);
			publishEvents(task);
		});
		return task;
	}

	/**
	 * Makes a task, whose address turned out to name a list (a feed), the task of a
	 * collection of that list, taking its first {@code limit} items; answers it as it now
	 * is. Joins the caller's transaction.
	 */
	public Task becomeCollection(Task task, String url, int limit) {
		this.repository.becomeCollection(task.id(), url, limit);
		return this.repository.find(task.id()).orElseThrow();
	}

	/** Where the items of a collection stand (in no particular order). */
	public List<ChildTask> children(UUID parent) {
		return this.repository.children(parent);
	}

	/** The caller's task; another owner's task answers exactly as an unknown one. */
	public Task get(UUID id, String owner) {
		return this.repository.find(id)
			.filter((task) -> task.owner().equals(owner))
			.orElseThrow(() -> ApiException.notFound("Task " + id
					+ " not found; check the id (finished tasks are removed after a while, their summaries stay)."));
	}

	/**
	 * The owner's requests in flight and those that ended in the last day, newest first
	 * (at most {@link #MAX_RECENT}); a collection is one, its items are inside it.
	 */
	public List<TaskView> recent(String owner) {
		Instant since = this.clock.instant().minus(RECENT);
		return this.repository.recent(owner, since, MAX_RECENT).stream().map(Task::view).toList();
	}

	/** The caller's task's latest state, from memory when this node has it. */
	public TaskView view(UUID id, String owner) {
		return this.views.find(id, owner).orElseGet(() -> {
			Task task = get(id, owner);
			this.views.remember(task);
			return task.view();
		});
	}

	public Optional<Task> load(UUID id) {
		return this.repository.find(id);
	}

	public Optional<String> uploadContent(UUID id) {
		return this.repository.uploadContent(id);
	}

	/** The committed changes of a task after {@code sequence}, in order. */
	public List<ProgressChanged> changesAfter(UUID id, long sequence) {
		return this.repository.changesAfter(id, sequence);
	}

	/**
	 * A worker starts on the task: answers how many earlier starts ended without an
	 * outcome, cut off with their process (a crash, a kill, a shutdown).
	 */
	public int startRun(Task task) {
		int runs = this.repository.countRun(task.id());
		return Math.max(0, runs - task.attempt());
	}

	/**
	 * Follows a task as a worker: stage starts, coalesced progress reports and the
	 * ending.
	 */
	public TaskTracker track(Task task) {
		return new TaskTracker(this.store, task, this.clock, this.properties.writeInterval());
	}

	/**
	 * Cancels the caller's task; a collection's items that have not ended are cancelled
	 * with it.
	 */
	public TaskView cancel(UUID id, String owner) {
		TaskView view = cancel(get(id, owner));
		if (view.status() == TaskStatus.CANCELLED) {
			for (ChildTask child : this.repository.children(id)) {
				if (!child.ended()) {
					this.repository.find(child.id()).ifPresent(this::cancel);
				}
			}
		}
		return view;
	}

	private TaskView cancel(Task found) {
		Task task = found;
		while (true) {
			if (!task.cancel(now())) {
				return task.view();
			}
			try {
				write(task, null);
				return task.view();
			}
			catch (ConcurrentTaskChangeException raced) {
				// the worker wrote in between; read again and cancel that state
				task = get(task.id(), task.owner());
			}
		}
	}

	/** Removes a finished task's progress record; its summary stays in the library. */
	public void delete(UUID id, String owner) {
		Task task = get(id, owner);
		this.views.forget(id);
		if (!task.status().isTerminal() || !this.repository.deleteFinished(id)) {
			throw ApiException.conflict("Task " + id + " is still processing; cancel it first with POST /api/progress/"
					+ id + "/cancel, then delete it.");
		}
	}

	int expireFinishedBefore(Instant cutoff) {
		return this.repository.deleteFinishedBefore(cutoff);
	}

	Map<TaskStatus, Long> countByStatus() {
		return this.repository.countByStatus();
	}

	/**
	 * How many requests are still processing, on the whole cluster (a collection once,
	 * whatever its items).
	 */
	public long countProcessing() {
		return this.repository.countProcessing(null);
	}

	/** How many of an owner's requests are still processing (a collection once). */
	public long countProcessing(String owner) {
		return this.repository.countProcessing(owner);
	}

	/** Writes a changed task, running {@code alongside} in the same transaction. */
	void write(Task task, Runnable alongside) {
		if (!task.isDirty()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			if (alongside != null) {
				alongside.run();
			}
			this.repository.update(task);
			publishEvents(task);
		});
	}

	private void publishEvents(Task task) {
		task.takeEvents().forEach(this.events::publishEvent);
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
