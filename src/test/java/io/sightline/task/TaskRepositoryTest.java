package io.sightline.task;

import java.time.Instant;
import java.util.UUID;

import io.sightline.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Task rows on the real schema (H2, the application's migrations): a write succeeds only
 * on the state it was read from, and every write is one entry of the change log.
 */
class TaskRepositoryTest {

	static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	final TaskRepository repository = new TaskRepository(new MigratedDatabase().jdbc(), JsonMapper.shared());

	@Test
	void aTaskReadsBackAsItWasWrittenWithItsTypedState() {
		Task task = TaskTest.aTask();
		this.repository.insert(task, null);
		task.startStage(Phase.FETCHING, "Reading the transcript...", 20, NOW);
		task.retrying("Retrying in 4 s (attempt 2 of 3): busy", NOW.plusSeconds(4), NOW);
		this.repository.update(task);

		Task read = this.repository.find(task.id()).orElseThrow();
		assertThat(read.state()).isEqualTo(task.state());
		assertThat(read.sequence()).isEqualTo(2);
		assertThat(read.view()).isEqualTo(task.view());

		read.fail(TaskFailure.gaveUp("youtube.server_error"), "Gave up after 3 attempts.", NOW);
		this.repository.update(read);
		assertThat(this.repository.find(task.id()).orElseThrow().failure())
			.contains(new TaskFailure(TaskFailure.Kind.GAVE_UP, "youtube.server_error", true));
	}

	@Test
	void aWriteOnAStaleStateIsRefusedAndLeavesNoTrace() {
		Task task = TaskTest.aTask();
		this.repository.insert(task, null);
		Task worker = this.repository.find(task.id()).orElseThrow();
		Task canceller = this.repository.find(task.id()).orElseThrow();

		canceller.cancel(NOW);
		assertThat(this.repository.update(canceller)).isEqualTo(2);
		worker.startStage(Phase.FETCHING, "Reading source information...", 5, NOW);
		assertThatExceptionOfType(ConcurrentTaskChangeException.class).isThrownBy(() -> this.repository.update(worker));

		Task stored = this.repository.find(task.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(this.repository.changesAfter(task.id(), 0)).extracting(ProgressChanged::sequence)
			.containsExactly(1L, 2L);
		assertThat(this.repository.changesAfter(task.id(), 1)).singleElement()
			.satisfies((change) -> assertThat(change.view().status()).isEqualTo(TaskStatus.CANCELLED));
	}

	@Test
	void aCollectionCountsAsOneRequestInProgressHoweverManyItemsItHas() {
		Task collection = Task.queued("counted", new TaskSource(TaskSource.Kind.COLLECTION,
				"https://example.com/feed.xml", null, null, null, null, null, null, 25), 3, "Queued", NOW);
		this.repository.insert(collection, null);
		long before = this.repository.countProcessing(null);
		for (int i = 0; i < 3; i++) {
			Task item = Task.queued("counted", collection.source().item("https://example.com/" + i, null), 3, "Queued",
					NOW);
			this.repository.insert(item, null);
			this.repository.link(item.id(), collection.id(), 600);
		}
		assertThat(this.repository.countProcessing("counted")).isEqualTo(1);
		assertThat(this.repository.countProcessing(null)).isEqualTo(before);
		assertThat(this.repository.children(collection.id())).hasSize(3);
	}

	@Test
	void onlyFinishedTasksAreDeleted() {
		Task task = TaskTest.aTask();
		this.repository.insert(task, "1\n00:00:01,000 --> 00:00:02,000\nhello\n");
		assertThat(this.repository.deleteFinished(task.id())).isFalse();
		assertThat(this.repository.uploadContent(task.id())).isPresent();
		task.complete("Summary ready", NOW);
		this.repository.update(task);
		assertThat(this.repository.deleteFinished(task.id())).isTrue();
		assertThat(this.repository.find(task.id())).isEmpty();
		assertThat(this.repository.uploadContent(task.id())).isEmpty();
		assertThat(this.repository.changesAfter(task.id(), 0)).isEmpty();
		assertThat(this.repository.find(UUID.randomUUID())).isEmpty();
	}

}
