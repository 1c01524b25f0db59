package io.sightline.progress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.task.Phase;
import io.sightline.task.ProgressChanged;
import io.sightline.task.TaskStatus;
import io.sightline.task.TaskView;

/** A task's committed change log in memory, and sinks that keep what they were sent. */
final class Changes {

	private static final Pattern ID = Pattern.compile("^id:(\\d+)$", Pattern.MULTILINE);

	final UUID taskId = UUID.randomUUID();

	final List<ProgressChanged> log = new CopyOnWriteArrayList<>();

	/** Commits changes 1..last; the last one ends the task if {@code ending}. */
	Changes commit(int last, boolean ending) {
		for (int sequence = this.log.size() + 1; sequence <= last; sequence++) {
			boolean end = ending && sequence == last;
			this.log.add(change(sequence, end));
		}
		return this;
	}

	ProgressChanged get(long sequence) {
		return this.log.get((int) sequence - 1);
	}

	List<ProgressChanged> after(long sequence) {
		return this.log.stream().filter((change) -> change.sequence() > sequence).toList();
	}

	ProgressChanged change(long sequence, boolean end) {
		Instant at = Instant.parse("2026-11-29T10:00:00Z").plusMillis(sequence);
		TaskView view = new TaskView(this.taskId, (int) Math.min(sequence, 99), "change " + sequence,
				end ? TaskStatus.COMPLETED : TaskStatus.PROCESSING, end ? Phase.DONE : Phase.SUMMARIZING, null, null,
				null, UUID.randomUUID(), 1, 3, at, at, null, null, null);
		return new ProgressChanged(this.taskId, sequence, view);
	}

	static byte[] render(ProgressChanged change) {
		return ("id:" + change.sequence() + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A sink that keeps the ids of the events it was sent; it fails once it has
	 * {@code failAfter}.
	 */
	static final class Sink implements EventSink {

		final List<Long> ids = new CopyOnWriteArrayList<>();

		private final int failAfter;

		volatile boolean ended;

		Sink() {
			this(Integer.MAX_VALUE);
		}

		Sink(int failAfter) {
			this.failAfter = failAfter;
		}

		@Override
		public boolean write(byte[] event) {
			if (this.ids.size() >= this.failAfter) {
				return false;
			}
			Matcher id = ID.matcher(new String(event, StandardCharsets.UTF_8));
			while (id.find()) {
				this.ids.add(Long.parseLong(id.group(1)));
			}
			return true;
		}

		@Override
		public boolean keepAlive() {
			return this.ids.size() < this.failAfter;
		}

		@Override
		public void end() {
			this.ended = true;
		}

	}

}
