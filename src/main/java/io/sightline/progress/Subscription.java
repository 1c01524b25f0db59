package io.sightline.progress;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;

import io.sightline.task.ProgressChanged;

/**
 * One SSE client following one task. Changes are sent strictly in sequence order, each
 * once: an old or repeated change is skipped, and a change that arrives ahead of a
 * missing one makes the subscription read the missing ones from the change log first.
 */
final class Subscription {

	private final UUID taskId;

	private final EventSink stream;

	private final LongFunction<List<ProgressChanged>> changesAfter;

	private final Function<ProgressChanged, byte[]> render;

	private long lastSent;

	private boolean closed;

	Subscription(UUID taskId, EventSink stream, long lastSent, LongFunction<List<ProgressChanged>> changesAfter,
			Function<ProgressChanged, byte[]> render) {
		this.taskId = taskId;
		this.stream = stream;
		this.lastSent = lastSent;
		this.changesAfter = changesAfter;
		this.render = render;
	}

	UUID taskId() {
		return this.taskId;
	}

	synchronized long lastSent() {
		return this.lastSent;
	}

	synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Sends the given change (its event rendered once for all subscribers), or every
	 * change after the last one sent if there is a gap.
	 */
	synchronized void deliver(ProgressChanged change, byte[] event) {
		if (this.closed || change.sequence() <= this.lastSent) {
			return;
		}
		if (change.sequence() == this.lastSent + 1) {
			send(change, event);
		}
		else {
			catchUp();
		}
	}

	/** Sends every committed change after the last one sent. */
	synchronized void catchUp() {
		for (ProgressChanged missed : this.changesAfter.apply(this.lastSent)) {
			if (this.closed) {
				return;
			}
			if (missed.sequence() > this.lastSent) {
				send(missed, this.render.apply(missed));
			}
		}
	}

	/** Sends a state as the stream's first event, whatever its sequence number. */
	synchronized void sendCurrent(ProgressChanged current) {
		send(current, this.render.apply(current));
	}

	synchronized void keepAlive() {
		if (!this.closed && !this.stream.keepAlive()) {
			markClosed();
		}
	}

	/** Ends the stream after what it was sent so far. */
	synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.stream.end();
		}
	}

	synchronized void markClosed() {
		this.closed = true;
	}

	private void send(ProgressChanged change, byte[] event) {
		if (!this.stream.write(event)) {
			markClosed();
			return;
		}
		this.lastSent = change.sequence();
		if (change.isTerminal()) {
			close();
		}
	}

}
