package io.sightline.source.youtube;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Spaces the requests this node sends to YouTube by at least
 * {@code sightline.youtube.min-interval}, whichever task sends them, so a playlist's
 * videos read one after the other do not look like a bot. Each request takes the next
 * free moment in line; the audio streams, served from YouTube's media hosts, are not
 * paced.
 */
@Component
class YouTubePacer {

	private final long intervalNanos;

	/** When the next request may go, on {@link System#nanoTime()}'s scale. */
	private long next = System.nanoTime();

	@Autowired
	YouTubePacer(YouTubeProperties properties) {
		this(properties.minInterval());
	}

	YouTubePacer(Duration interval) {
		this.intervalNanos = Math.max(0, interval.toNanos());
	}

	/** Waits for this request's turn. */
	void await() {
		if (this.intervalNanos == 0) {
			return;
		}
		long wait;
		synchronized (this) {
			long now = System.nanoTime();
			long at = Math.max(now, this.next);
			this.next = at + this.intervalNanos;
			wait = at - now;
		}
		if (wait > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting to ask YouTube", ex);
			}
		}
	}

}
