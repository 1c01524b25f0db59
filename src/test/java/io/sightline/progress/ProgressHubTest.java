package io.sightline.progress;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.task.ProgressChanged;
import io.sightline.task.TaskChangeNotified;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fan-out of committed changes to this node's subscribers, with the change log and
 * the clients in memory: order per subscriber whatever order commits are heard in,
 * catch-up from the log after a notification or a resync, and no subscriber left behind
 * when its client is gone.
 */
class ProgressHubTest {

	final ProgressHub hub = new ProgressHub(
			new ProgressProperties(Duration.ofHours(1), Duration.ofHours(1), DataSize.ofKilobytes(64)),
			JsonMapper.shared(), new SimpleMeterRegistry(), Clock.systemUTC());

	@AfterEach
	void stop() {
		this.hub.destroy();
	}

	@Test
	void everySubscriberGetsEachChangeOnceAndInOrderWhateverOrderCommitsAreHeardIn() throws Exception {
		Changes changes = new Changes().commit(300, true);
		List<Changes.Sink> sinks = subscribe(changes, 3, 0);
		List<ProgressChanged> heard = new ArrayList<>(changes.log);
		Collections.shuffle(heard);
		ExecutorService committers = Executors.newFixedThreadPool(4);
		heard.forEach((change) -> committers.execute(() -> this.hub.onProgressChanged(change)));
		committers.shutdown();

		await().atMost(Duration.ofSeconds(10)).until(() -> sinks.stream().allMatch((sink) -> sink.ended));
		List<Long> all = LongStream.rangeClosed(1, 300).boxed().toList();
		sinks.forEach((sink) -> assertThat(sink.ids).containsExactlyElementsOf(all));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.hub.subscriberCount() == 0);
	}

	@Test
	void aChangeCommittedOnAnotherNodeIsReadFromTheLogWhenItsNotificationArrives() {
		Changes changes = new Changes().commit(2, false);
		List<Changes.Sink> sinks = subscribe(changes, 2, 2);
		changes.commit(5, false);
		this.hub.onChangeNotified(new TaskChangeNotified(changes.taskId, 5));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> sinks.forEach((sink) -> assertThat(sink.ids).containsExactly(3L, 4L, 5L)));
	}

	@Test
	void aResyncMakesEverySubscriberOfEveryTaskCatchUp() {
		Changes first = new Changes().commit(1, false);
		Changes second = new Changes().commit(1, false);
		Changes.Sink a = subscribe(first, 1, 1).get(0);
		Changes.Sink b = subscribe(second, 1, 1).get(0);
		first.commit(3, false);
		second.commit(2, true);
		this.hub.onChangeNotified(TaskChangeNotified.resync());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(a.ids).containsExactly(2L, 3L);
			assertThat(b.ids).containsExactly(2L);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> this.hub.subscriberCount() == 1);
	}

	@Test
	void aSubscriberWhoseClientIsGoneIsLetGoAndTheOthersGoOn() {
		Changes changes = new Changes().commit(6, false);
		Changes.Sink gone = new Changes.Sink(2);
		this.hub.subscribe(new Subscription(changes.taskId, gone, 0, changes::after, Changes::render));
		Changes.Sink staying = subscribe(changes, 1, 0).get(0);
		changes.log.forEach(this.hub::onProgressChanged);
		await().atMost(Duration.ofSeconds(10)).until(() -> staying.ids.size() == 6);
		assertThat(gone.ids).containsExactly(1L, 2L);
		assertThat(this.hub.subscriberCount()).isEqualTo(1);
	}

	private List<Changes.Sink> subscribe(Changes changes, int count, long lastSent) {
		List<Changes.Sink> sinks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Changes.Sink sink = new Changes.Sink();
			this.hub.subscribe(new Subscription(changes.taskId, sink, lastSent, changes::after, Changes::render));
			sinks.add(sink);
		}
		return sinks;
	}

}
