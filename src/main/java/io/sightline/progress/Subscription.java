package io.sightline.progress;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.sightline.task.ProgressChanged;

/**
 * One SSE client following one task. Changes are sent strictly in sequence order, each once: an
 * old or repeated change is skipped, and a change that arrives ahead of a missing one makes the
 * subscription read the missing ones from the change log first.
 */
final class Subscription {

	private final UUID taskId;

	private final SseEmitter emitter;

	private final LongFunction<List<ProgressChanged>> changesAfter;

	private long lastSent;

	private boolean closed;

	Subscription(UUID taskId, SseEmitter emitter, long lastSent, LongFunction<List<ProgressChanged>> changesAfter) {
		this.taskId = taskId;
		this.emitter = emitter;
		this.lastSent = lastSent;
		this.changesAfter = changesAfter;
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

	/** Sends the given change, or every change after the last one sent if there is a gap. */
	synchronized void deliver(ProgressChanged change) {
		if (this.closed || change.sequence() <= this.lastSent) {
			return;
		}
		if (change.sequence() == this.lastSent + 1) {
			send(change);
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
				send(missed);
			}
		}
	}

	/** Sends a state as the stream's first event, whatever its sequence number. */
	synchronized void sendCurrent(ProgressChanged current) {
		send(current);
	}

	synchronized void keepAlive() {
		if (this.closed) {
			return;
		}
		try {
			this.emitter.send(SseEmitter.event().comment("keep-alive"));
		}
		catch (IOException | IllegalStateException gone) {
			close();
		}
	}

	synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.emitter.complete();
		}
	}

	synchronized void markClosed() {
		this.closed = true;
	}

	private void send(ProgressChanged change) {
		try {
			this.emitter.send(SseEmitter.event()
				.id(Long.toString(change.sequence()))
				.name("progress")
				.data(change.view(), MediaType.APPLICATION_JSON));
			this.lastSent = change.sequence();
			if (change.isTerminal()) {
				close();
			}
		}
		catch (IOException | IllegalStateException gone) {
			markClosed();
		}
	}

}
