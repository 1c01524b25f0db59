package io.sightline.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TaskViewsTest {

	private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

	private final TaskProperties properties = new TaskProperties(Duration.ofHours(1), Duration.ofMinutes(1), 3,
			Duration.ofMillis(250), 10);

	private TaskViews views(Instant at) {
		return new TaskViews(this.properties, Clock.fixed(at, ZoneOffset.UTC), JsonMapper.builder().build());
	}

	private Task task(String owner) {
		return Task.queued(owner, new TaskSource(TaskSource.Kind.URL, "https://example.com", null, null, null, null), 3,
				"Queued", this.now);
	}

	@Test
	void aRememberedStateIsServedToItsOwnerOnlyAndFollowsCommittedChanges() {
		TaskViews views = views(this.now);
		Task task = task("alice");
		views.remember(task);
		assertThat(views.find(task.id(), "alice")).contains(task.view());
		assertThat(views.find(task.id(), "bob")).isEmpty();

		task.startStage(Phase.FETCHING, "Reading", 5, this.now);
		views.onCommitted(new ProgressChanged(task.id(), task.sequence() + 1, task.view()));
		assertThat(views.find(task.id(), "alice"))
			.hasValueSatisfying((view) -> assertThat(view.stage()).isEqualTo("Reading"));
	}

	@Test
	void aStateReadBeforeACommitThatWasHeardOfIsNotKept() {
		TaskViews views = views(this.now);
		Task task = task("alice");
		Task stale = task("alice");
		views.onCommitted(new ProgressChanged(task.id(), task.sequence() + 1, task.view()));
		views.remember(task);
		assertThat(views.find(task.id(), "alice")).isEmpty();
		views.onNotified(new TaskChangeNotified(stale.id(), stale.sequence() + 1));
		views.remember(stale);
		assertThat(views.find(stale.id(), "alice")).isEmpty();
	}

	@Test
	void aChangeOnAnotherNodeOrAResyncDropsTheState() {
		TaskViews views = views(this.now);
		Task first = task("alice");
		Task second = task("alice");
		views.remember(first);
		views.remember(second);
		views.onNotified(new TaskChangeNotified(first.id(), first.sequence()));
		assertThat(views.find(first.id(), "alice")).isPresent();
		views.onNotified(new TaskChangeNotified(first.id(), first.sequence() + 1));
		assertThat(views.find(first.id(), "alice")).isEmpty();
		views.onNotified(TaskChangeNotified.resync());
		assertThat(views.find(second.id(), "alice")).isEmpty();
	}

	@Test
	void aFinishedTaskPastTheRetentionIsNotServedSoExpiryHoldsOnEveryNode() {
		Task task = task("alice");
		task.fail(TaskFailure.permanent("youtube.private"), "This video is private.", this.now);
		views(this.now).remember(task);
		TaskViews later = views(this.now.plus(Duration.ofMinutes(61)));
		later.remember(task);
		assertThat(later.find(task.id(), "alice")).isEmpty();
	}

	@Test
	void theCacheStaysWithinItsSizeDroppingFinishedTasksFirst() {
		TaskViews views = views(this.now);
		Task running = task("alice");
		views.remember(running);
		for (int i = 0; i < 30; i++) {
			Task finished = task("alice");
			finished.fail(TaskFailure.permanent("internal.unexpected"), "failed", this.now);
			views.remember(finished);
		}
		assertThat(views.size()).isLessThanOrEqualTo(10);
		assertThat(views.find(running.id(), "alice")).isPresent();
		assertThat(views.find(UUID.randomUUID(), "alice")).isEmpty();
	}

}
