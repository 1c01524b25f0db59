package io.sightline.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The latest committed state of recently seen tasks, so a progress poll is answered from memory.
 * Changes committed on this node replace an entry at once; a change on another node (a
 * notification) drops it, so the next poll reads the database; a resync drops them all. A finished
 * task older than the retention is never served from here, so expiry on any node is respected.
 * Bounded: past the size, finished tasks go first.
 */
@Component
class TaskViews {

	/** One cached state with its owner and sequence number: about 300 bytes. */
	record Entry(String owner, long sequence, TaskView view) {
	}

	private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

	private final TaskProperties properties;

	private final Clock clock;

	TaskViews(TaskProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	Optional<TaskView> find(UUID id, String owner) {
		Entry entry = this.entries.get(id);
		if (entry == null || !entry.owner().equals(owner)) {
			return Optional.empty();
		}
		TaskView view = entry.view();
		Instant expiredBefore = this.clock.instant().minus(this.properties.retention());
		if (view.status().isTerminal() && view.updatedAt().isBefore(expiredBefore)) {
			this.entries.remove(id, entry);
			return Optional.empty();
		}
		return Optional.of(view);
	}

	void remember(Task task) {
		put(task.id(), new Entry(task.owner(), task.sequence(), task.view()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onCommitted(ProgressChanged change) {
		Entry known = this.entries.get(change.taskId());
		if (known != null && known.sequence() < change.sequence()) {
			this.entries.replace(change.taskId(), known, new Entry(known.owner(), change.sequence(), change.view()));
		}
	}

	@EventListener
	void onNotified(TaskChangeNotified notified) {
		if (notified.isResync()) {
			this.entries.clear();
			return;
		}
		Entry known = this.entries.get(notified.taskId());
		if (known != null && known.sequence() < notified.sequence()) {
			this.entries.remove(notified.taskId(), known);
		}
	}

	void forget(UUID id) {
		this.entries.remove(id);
	}

	int size() {
		return this.entries.size();
	}

	private void put(UUID id, Entry entry) {
		int capacity = this.properties.viewCacheSize();
		if (capacity <= 0) {
			return;
		}
		this.entries.merge(id, entry, (old, fresh) -> (fresh.sequence() >= old.sequence()) ? fresh : old);
		if (this.entries.size() > capacity) {
			trim(capacity);
		}
	}

	/** Drops entries until a tenth below capacity, finished tasks first. */
	private synchronized void trim(int capacity) {
		int target = capacity - capacity / 10;
		for (boolean finishedOnly : new boolean[] { true, false }) {
			Iterator<Map.Entry<UUID, Entry>> all = this.entries.entrySet().iterator();
			while (this.entries.size() > target && all.hasNext()) {
				Entry entry = all.next().getValue();
				if (!finishedOnly || entry.view().status().isTerminal()) {
					all.remove();
				}
			}
		}
	}

}
