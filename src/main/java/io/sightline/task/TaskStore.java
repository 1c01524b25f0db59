package io.sightline.task;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a {@link TaskTracker} needs of the task store: the time of a change, reading a
 * task as committed, and writing a changed one. {@link Tasks} is the store; tests give
 * the tracker one of their own.
 */
interface TaskStore {

	Instant now();

	Optional<Task> load(UUID id);

	/**
	 * Writes a changed task, running {@code alongside} in the same transaction.
	 * @throws ConcurrentTaskChangeException if someone else wrote the task since it was
	 * read
	 */
	void write(Task task, Runnable alongside);

}
