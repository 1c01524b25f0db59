package io.sightline.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One open {@code text/event-stream} response, written as bytes: an event is encoded once
 * for all its subscribers and each write is a copy and a flush, with nothing per
 * subscriber in between (no message converters, no per-field writes), which is what lets
 * one node serve thousands of streams. Writes block the writing thread while the client's
 * socket is full; a failed write or a gone client closes the stream.
 */
final class EventStream {

	private static final byte[] KEEP_ALIVE = ":keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

	private final AsyncContext async;

	private final ServletOutputStream out;

	private boolean open = true;

	private boolean ended;

	private Runnable onEnd = () -> {
	};

	private EventStream(AsyncContext async, ServletOutputStream out) {
		this.async = async;
		this.out = out;
	}

	/** Starts the response and keeps it open for up to {@code timeout}. */
	static EventStream open(HttpServletRequest request, HttpServletResponse response, Duration timeout)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		// proxies such as nginx must pass events on at once
		response.setHeader("X-Accel-Buffering", "no");
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(timeout.toMillis());
		EventStream stream = new EventStream(async, response.getOutputStream());
		async.addListener(new AsyncListener() {

			@Override
			public void onComplete(AsyncEvent event) {
				stream.ended();
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				stream.close();
			}

			@Override
			public void onError(AsyncEvent event) {
				stream.close();
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
			}

		});
		response.flushBuffer();
		return stream;
	}

	/**
	 * Writes an encoded event (or several); false if the stream is closed or the client
	 * is gone.
	 */
	synchronized boolean write(byte[] event) {
		if (!this.open) {
			return false;
		}
		try {
			this.out.write(event);
			this.out.flush();
			return true;
		}
		catch (IOException | IllegalStateException gone) {
			close();
			return false;
		}
	}

	boolean keepAlive() {
		return write(KEEP_ALIVE);
	}

	/** Ends the response; the client sees the stream close. */
	synchronized void close() {
		if (this.open) {
			this.open = false;
			try {
				this.async.complete();
			}
			catch (IllegalStateException alreadyOver) {
				// the container ended it first
			}
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
