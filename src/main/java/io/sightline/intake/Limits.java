package io.sightline.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.sightline.system.ApiException;
import io.sightline.task.Tasks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a new summary may start: the cluster's queue has room (else 503), and in
 * multi-user mode the user is within their rate (a token bucket per user: 429) and their
 * number of summaries in progress (429). Each refusal says when to try again.
 */
@Component
class Limits {

	private static final Duration RUNNING_RETRY = Duration.ofSeconds(10);

	private static final Duration QUEUE_RETRY = Duration.ofSeconds(30);

	private final LimitsProperties properties;

	private final Tasks tasks;

	private final boolean perUser;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	@Autowired
	Limits(LimitsProperties properties, Tasks tasks, @Value("${sightline.security.mode:single-user}") String mode) {
		this(properties, tasks, mode.equalsIgnoreCase("multi-user"), System::nanoTime);
	}

	Limits(LimitsProperties properties, Tasks tasks, boolean perUser, LongSupplier nanoTime) {
		this.properties = properties;
		this.tasks = tasks;
		this.perUser = perUser;
		this.nanoTime = nanoTime;
	}

	/**
	 * Refuses the start of a new summary for this owner if a limit is reached; else
	 * counts it.
	 */
	void admit(String owner) {
		int queueSize = this.properties.queueSize();
		if (queueSize > 0 && this.tasks.countProcessing() >= queueSize) {
			throw ApiException.unavailable(
					"The server's queue is full (" + summaries(queueSize) + " in progress); try again in a minute.",
					QUEUE_RETRY);
		}
		if (!this.perUser) {
			return;
		}
		int running = this.properties.runningPerUser();
		if (running > 0 && this.tasks.countProcessing(owner) >= running) {
			throw ApiException.tooManyRequests("You already have " + summaries(running)
					+ " in progress, the most this server runs for one user; wait for one to finish (or cancel one) and try again.",
					RUNNING_RETRY);
		}
		int perMinute = this.properties.tasksPerMinute();
		if (perMinute > 0) {
			Duration wait = this.buckets
				.computeIfAbsent(owner, (name) -> new Bucket(perMinute, this.nanoTime.getAsLong()))
				.take(perMinute, this.nanoTime.getAsLong());
			if (!wait.isZero()) {
				throw ApiException.tooManyRequests("You are starting summaries faster than this server allows ("
						+ perMinute + " a minute); try again in " + wait.toSeconds() + " s.", wait);
			}
		}
	}

	private static String summaries(int count) {
		return count + ((count == 1) ? " summary" : " summaries");
	}

	/** A token bucket holding up to a minute's allowance, refilled continuously. */
	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.refilledAt = now;
		}

		/**
		 * Takes a token and answers zero, or answers how long until one is there (in
		 * whole seconds).
		 */
		synchronized Duration take(int perMinute, long now) {
			double perNano = perMinute / 60e9;
			this.tokens = Math.min(perMinute, this.tokens + (now - this.refilledAt) * perNano);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Duration.ZERO;
			}
			long millis = Math.round((1 - this.tokens) / perNano / 1e6);
			return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
		}

	}

}
