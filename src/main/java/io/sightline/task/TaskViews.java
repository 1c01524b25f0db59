package io.sightline.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.sightline.system.Lazy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The latest committed state of recently seen tasks, so a progress poll is answered from
 * memory. Every committed change this node hears of (its own at once, other nodes' by
 * notification) moves the task's known sequence number; a state read from the database is
 * kept only if nothing newer was heard of meanwhile, so a read racing a commit can never
 * leave a stale state behind. Other nodes' changes replace the state by a marker, so the
 * next poll reads the database; a resync drops everything. A finished task older than the
 * retention is never served from here, so expiry on any node is respected. Bounded: past
 * the size, markers go first, then finished tasks.
 */
@Component
class TaskViews {

	/**
	 * A task's latest known sequence number and, when this node has it, that state (else
	 * a marker) with its JSON, rendered on the first poll that needs it and then reused.
	 */
	record Entry(String owner, long sequence, TaskView view, Lazy<byte[]> json) {

		static Entry marker(long sequence) {
			return new Entry(null, sequence, null, null);
		}

		boolean isMarker() {
			return this.view == null;
		}

	}

	private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

	private final TaskProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	TaskViews(TaskProperties properties, Clock clock, JsonMapper json) {
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	Optional<TaskView> find(UUID id, String owner) {
		return findEntry(id, owner).map(Entry::view);
	}

	/** The state as {@code GET /api/progress/{id}} answers it, when this node has it. */
	Optional<byte[]> findJson(UUID id, String owner) {
		return findEntry(id, owner).map((entry) -> entry.json().get());
	}

	private Optional<Entry> findEntry(UUID id, String owner) {
		Entry entry = this.entries.get(id);
		if (entry == null || entry.isMarker() || !entry.owner().equals(owner)) {
			return Optional.empty();
		}
		Instant expiredBefore = this.clock.instant().minus(this.properties.retention());
		if (entry.view().status().isTerminal() && entry.view().updatedAt().isBefore(expiredBefore)) {
			this.entries.remove(id, entry);
			return Optional.empty();
		}
		return Optional.of(entry);
	}

	/** Keeps a state read from the database, unless a newer change was heard of since. */
	void remember(Task task) {
		put(task.id(), entry(task.owner(), task.sequence(), task.view()));
	}

	private Entry entry(String owner, long sequence, TaskView view) {
		return new Entry(owner, sequence, view, Lazy.of(() -> this.json.writeValueAsBytes(view)));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onCommitted(ProgressChanged change) {
		this.entries.compute(change.taskId(), (id, known) -> {
			if (known != null && known.sequence() >= change.sequence()) {
				return known;
			}
			return (known == null || known.isMarker()) ? Entry.marker(change.sequence())
					: entry(known.owner(), change.sequence(), change.view());
		});
		trimIfFull();
	}

	@EventListener
	void onNotified(TaskChangeNotified notified) {
		if (notified.isResync()) {
			this.entries.clear();
			return;
		}
		this.entries.compute(notified.taskId(),
				(id, known) -> (known != null && known.sequence() >= notified.sequence()) ? known
						: Entry.marker(notified.sequence()));
		trimIfFull();
	}

	void forget(UUID id) {
		this.entries.remove(id);
	}

	/** States held, markers not counted. */
	int size() {
		return (int) this.entries.values().stream().filter((entry) -> !entry.isMarker()).count();
	}

	private void put(UUID id, Entry entry) {
		if (this.properties.viewCacheSize() <= 0) {
			return;
		}
		this.entries.merge(id, entry, (old, fresh) -> (fresh.sequence() >= old.sequence()) ? fresh : old);
		trimIfFull();
	}

	private void trimIfFull() {
		int capacity = Math.max(0, this.properties.viewCacheSize());
		if (this.entries.size() > capacity) {
			trim(capacity);
		}
	}

	/**
	 * Drops entries until a tenth below capacity: markers first, then finished tasks,
	 * then any.
	 */
	private synchronized void trim(int capacity) {
		int target = capacity - capacity / 10;
		for (Predicate<Entry> dropFirst : List.<Predicate<Entry>>of(Entry::isMarker,
				(entry) -> entry.view().status().isTerminal(), (entry) -> true)) {
			Iterator<Map.Entry<UUID, Entry>> all = this.entries.entrySet().iterator();
			while (this.entries.size() > target && all.hasNext()) {
				if (dropFirst.test(all.next().getValue())) {
					all.remove();
				}
			}
		}
	}

}
