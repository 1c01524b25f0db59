package io.sightline.progress;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client following one task: each change once, in order, whatever order they come in.
 */
class SubscriptionTest {

	final Changes changes = new Changes();

	final Changes.Sink sink = new Changes.Sink();

	final Subscription subscription = new Subscription(this.changes.taskId, this.sink, 0, this.changes::after,
			Changes::render);

	@Test
	void changesGoOutInOrderAndEachOnce() {
		this.changes.commit(3, false);
		deliver(1);
		deliver(2);
		deliver(2);
		deliver(1);
		deliver(3);
		assertThat(this.sink.ids).containsExactly(1L, 2L, 3L);
		assertThat(this.subscription.lastSent()).isEqualTo(3);
	}

	@Test
	void aChangeAheadOfAMissingOneBringsTheMissingOnesFromTheLogFirst() {
		this.changes.commit(5, false);
		deliver(1);
		deliver(4);
		deliver(2);
		deliver(5);
		assertThat(this.sink.ids).containsExactly(1L, 2L, 3L, 4L, 5L);
	}

	@Test
	void theStreamEndsAfterTheTerminalChange() {
		this.changes.commit(3, true);
		deliver(3);
		assertThat(this.sink.ids).containsExactly(1L, 2L, 3L);
		assertThat(this.sink.ended).isTrue();
		assertThat(this.subscription.isClosed()).isTrue();
		this.changes.log.add(this.changes.change(4, false));
		deliver(4);
		assertThat(this.sink.ids).as("nothing after the end").containsExactly(1L, 2L, 3L);
	}

	@Test
	void aResumedSubscriptionStartsAfterTheLastEventItsClientHad() {
		this.changes.commit(6, false);
		Subscription resumed = new Subscription(this.changes.taskId, this.sink, 4, this.changes::after,
				Changes::render);
		resumed.catchUp();
		assertThat(this.sink.ids).containsExactly(5L, 6L);
	}

	@Test
	void aWriteThatFailsClosesTheSubscriptionWithoutMarkingTheChangeSent() {
		Changes.Sink failing = new Changes.Sink(2);
		Subscription subscription = new Subscription(this.changes.taskId, failing, 0, this.changes::after,
				Changes::render);
		this.changes.commit(4, false);
		LongStream.rangeClosed(1, 4)
			.forEach((sequence) -> subscription.deliver(this.changes.get(sequence),
					Changes.render(this.changes.get(sequence))));
		assertThat(failing.ids).containsExactly(1L, 2L);
		assertThat(subscription.isClosed()).isTrue();
		assertThat(subscription.lastSent()).isEqualTo(2);
	}

	private void deliver(long sequence) {
		this.subscription.deliver(this.changes.get(sequence), Changes.render(this.changes.get(sequence)));
	}

}
