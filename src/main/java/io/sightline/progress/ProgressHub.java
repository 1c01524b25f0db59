package io.sightline.progress;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sightline.task.ProgressChanged;
import io.sightline.task.TaskChangeNotified;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans committed task changes out to this node's SSE subscribers: at once for changes
 * made on this node, and on notification (PostgreSQL {@code LISTEN/NOTIFY}) for changes
 * made on others. It holds no state that is not in the database: a subscriber that falls
 * behind reads what it missed from the change log.
 */
@Component
class ProgressHub implements DisposableBean {

	private final Map<UUID, Set<Subscription>> subscribers = new ConcurrentHashMap<>();

	static final int LANES = 4;

	/**
	 * Lanes of one thread each; a task always uses the same lane, so its changes go out
	 * in order.
	 */
	private final ExecutorService[] lanes = new ExecutorService[LANES];

	private final JsonMapper json;

	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "progress-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * From a change's commit on this node to its event written to the last of its
	 * subscribers here.
	 */
	private final Timer fanOut;

	private final Clock clock;

	ProgressHub(ProgressProperties properties, JsonMapper json, MeterRegistry meters, Clock clock) {
		this.json = json;
		this.clock = clock;
		this.fanOut = Timer.builder("sightline.progress.fan-out")
			.description("From a change's commit to its event written to every subscriber on this node")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		Gauge.builder("sightline.progress.subscribers", this, ProgressHub::subscriberCount)
			.description("SSE clients following a task on this node")
			.register(meters);
		for (int i = 0; i < LANES; i++) {
			int lane = i;
			this.lanes[i] = Executors.newSingleThreadExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "progress-push-" + lane);
				thread.setDaemon(true);
				return thread;
			});
		}
		long every = properties.keepAlive().toMillis();
		this.keepAlive.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
	}

	void subscribe(Subscription subscription) {
		this.subscribers.computeIfAbsent(subscription.taskId(), (id) -> ConcurrentHashMap.newKeySet())
			.add(subscription);
	}

	void unsubscribe(Subscription subscription) {
		this.subscribers.computeIfPresent(subscription.taskId(), (id, set) -> {
			set.remove(subscription);
			return set.isEmpty() ? null : set;
		});
	}

	int subscriberCount() {
		return this.subscribers.values().stream().mapToInt(Set::size).sum();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onProgressChanged(ProgressChanged change) {
		Set<Subscription> following = this.subscribers.get(change.taskId());
		if (following == null) {
			return;
		}
		lane(change.taskId()).execute(() -> {
			byte[] event = render(change);
			for (Subscription subscription : following) {
				subscription.deliver(change, event);
				if (subscription.isClosed()) {
					unsubscribe(subscription);
				}
			}
			this.fanOut.record(Duration.between(change.view().updatedAt(), this.clock.instant()));
		});
	}

	/**
	 * A change as its whole SSE event ({@code id}, {@code event: progress}, and as
	 * {@code data} the same JSON as {@code GET /api/progress/{id}}), rendered once and
	 * written as it is to every subscriber: one write per subscriber instead of one per
	 * field.
	 */
	byte[] render(ProgressChanged change) {
		return ("id:" + change.sequence() + "\nevent:progress\ndata:" + this.json.writeValueAsString(change.view())
				+ "\n\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private ExecutorService lane(UUID taskId) {
		return this.lanes[laneOf(taskId)];
	}

	/** The lane a task's events go out on. */
	static int laneOf(UUID taskId) {
		return Math.floorMod(taskId.hashCode(), LANES);
	}

	/**
	 * A change committed anywhere in the cluster: subscribers here that have not sent it
	 * yet read what they miss from the change log. A resync makes every subscriber catch
	 * up.
	 */
	@EventListener
	void onChangeNotified(TaskChangeNotified notified) {
		if (notified.isResync()) {
			this.subscribers.values().forEach((set) -> set.forEach(this::catchUpLater));
			return;
		}
		Set<Subscription> following = this.subscribers.get(notified.taskId());
		if (following != null) {
			following.stream()
				.filter((subscription) -> subscription.lastSent() < notified.sequence())
				.forEach(this::catchUpLater);
		}
	}

	private void catchUpLater(Subscription subscription) {
		lane(subscription.taskId()).execute(() -> {
			subscription.catchUp();
			if (subscription.isClosed()) {
				unsubscribe(subscription);
			}
		});
	}

	private void keepAlive() {
		this.subscribers.values().forEach((set) -> set.forEach((subscription) -> {
			subscription.keepAlive();
			if (subscription.isClosed()) {
				unsubscribe(subscription);
			}
		}));
	}

	@Override
	public void destroy() {
		this.keepAlive.shutdownNow();
		for (ExecutorService lane : this.lanes) {
			lane.shutdownNow();
		}
		this.subscribers.values().forEach((set) -> set.forEach(Subscription::close));
	}

}
