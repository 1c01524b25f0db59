package io.sightline.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One open {@code text/event-stream} response, written as bytes with the servlet's
 * non-blocking output (ADR 0012): an event is encoded once for all its subscribers, and
 * each write is a copy and a flush that never waits for the client. While a client's
 * socket is full its events wait here, up to {@code maxBuffered} bytes; past that the
 * stream is dropped (the client resumes with {@code Last-Event-ID}), so a reader that
 * stopped reading costs a bounded amount of memory and never holds back the thread that
 * delivers other streams' events. A failed write or a gone client closes the stream.
 */
final class EventStream implements EventSink {

	private static final byte[] KEEP_ALIVE = ":keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final long maxBuffered;

	/** Events the client's socket could not take yet, oldest first. */
	private final Deque<byte[]> waiting = new ArrayDeque<>();

	private long waitingBytes;

	private boolean open = true;

	private boolean ended;

	private boolean dropped;

	/** Ended by the server once what waits is written. */
	private boolean ending;

	private Runnable onEnd = () -> {
	};

	private EventStream(AsyncContext async, ServletOutputStream out, long maxBuffered) {
		this.async = async;
		this.out = out;
		this.maxBuffered = maxBuffered;
	}

	/**
	 * Starts the response and keeps it open for up to {@code timeout}; a client that lets
	 * more than {@code maxBuffered} bytes wait is dropped.
	 */
	static EventStream open(HttpServletRequest request, HttpServletResponse response, Duration timeout,
			long maxBuffered) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		// proxies such as nginx must pass events on at once
		response.setHeader("X-Accel-Buffering", "no");
		response.flushBuffer();
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(timeout.toMillis());
		EventStream stream = new EventStream(async, response.getOutputStream(), maxBuffered);
		async.addListener(new AsyncListener() {

			@Override
			public void onComplete(AsyncEvent event) {
				stream.ended();
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				stream.abandon();
			}

			@Override
			public void onError(AsyncEvent event) {
				stream.abandon();
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
			}

		});
		stream.out.setWriteListener(new WriteListener() {

			@Override
			public void onWritePossible() {
				stream.drain();
			}

			@Override
			public void onError(Throwable failure) {
				stream.abandon();
			}

		});
		return stream;
	}

	/**
	 * Writes an encoded event (or several) without waiting for the client: at once if its
	 * socket takes it, else after what waits already. False if the stream is closed, the
	 * client is gone, or it was dropped for not reading.
	 */
	@Override
	public synchronized boolean write(byte[] event) {
		if (!this.open || this.ending) {
			return false;
		}
		try {
			if (this.waiting.isEmpty() && this.out.isReady()) {
				this.out.write(event);
				flushIfReady();
				return true;
			}
			if (this.waitingBytes + event.length > this.maxBuffered) {
				this.dropped = true;
				close();
				return false;
			}
			this.waiting.addLast(event);
			this.waitingBytes += event.length;
			return true;
		}
		catch (IOException | IllegalStateException gone) {
			close();
			return false;
		}
	}

	/** Writes what waits while the client's socket takes it; the container calls it. */
	private synchronized void drain() {
		try {
			while (this.open && !this.waiting.isEmpty() && this.out.isReady()) {
				byte[] next = this.waiting.removeFirst();
				this.waitingBytes -= next.length;
				this.out.write(next);
			}
			if (this.open) {
				flushIfReady();
				if (this.ending && this.waiting.isEmpty()) {
					close();
				}
			}
		}
		catch (IOException | IllegalStateException gone) {
			close();
		}
	}

	private void flushIfReady() throws IOException {
		if (this.out.isReady()) {
			this.out.flush();
		}
	}

	/** A comment line; false if the stream is closed. It waits its turn like an event. */
	@Override
	public boolean keepAlive() {
		return write(KEEP_ALIVE);
	}

	/** Whether the stream was dropped because its client let too much wait. */
	synchronized boolean wasDropped() {
		return this.dropped;
	}

	/**
	 * Ends the response once every event written so far has reached the client's socket
	 * (or at once, if the client is dropped meanwhile).
	 */
	@Override
	public synchronized void end() {
		if (this.waiting.isEmpty()) {
			close();
		}
		else {
			this.ending = true;
		}
	}

	/** Ends the response now, dropping what waits; the client sees the stream close. */
	synchronized void close() {
		if (this.open) {
			abandon();
		}
	}

	/**
	 * The container reports the stream broken or timed out: it is closed, and completed
	 * even if it was closed before (a close while writes wait is only done once the
	 * container gives up on them).
	 */
	private synchronized void abandon() {
		this.open = false;
		this.waiting.clear();
		this.waitingBytes = 0;
		try {
			this.async.complete();
		}
		catch (IllegalStateException alreadyOver) {
			// the container ended it first
		}
	}

	/**
	 * Runs {@code action} once the stream has ended for any reason (closed here, timed
	 * out, client gone).
	 */
	void whenEnded(Runnable action) {
		synchronized (this) {
			if (!this.ended) {
				this.onEnd = action;
				return;
			}
		}
		action.run();
	}

	private void ended() {
		Runnable action;
		synchronized (this) {
			this.open = false;
			this.ended = true;
			action = this.onEnd;
		}
		action.run();
	}

}
