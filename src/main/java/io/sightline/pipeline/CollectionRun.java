package io.sightline.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sightline.collection.Collections;
import io.sightline.source.Listing;
import io.sightline.source.Listing.ListedItem;
import io.sightline.source.SourceFailure;
import io.sightline.source.Sources;
import io.sightline.task.ChildTask;
import io.sightline.task.Phase;
import io.sightline.task.Task;
import io.sightline.task.TaskFailure;
import io.sightline.task.TaskStatus;
import io.sightline.task.TaskTracker;
import io.sightline.task.Tasks;

import org.springframework.stereotype.Component;

/**
 * A run of a collection's task (a playlist, a channel). The first run reads the list and
 * makes one task per item, with its job, in the transaction that stores the collection:
 * either all of them exist or none. Every later run, a second apart, is the task's
 * progress: the items' bars weighted by their expected work (their length), and "7 of 25
 * summarized, 1 failed"; when every item has ended the collection completes with each
 * item's outcome. Items are ordinary tasks, run by any node.
 */
@Component
class CollectionRun {

	/** How often a collection's progress is gathered from its items. */
	static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

	/** The weight of an item whose length the list does not say, if none says. */
	private static final int UNKNOWN_LENGTH = 600;

	/** The collection's bar: reading the list, then the items. */
	private static final int LISTED = 10;

	private static final String ITEM_QUEUED = "Waiting for a worker...";

	private final Tasks tasks;

	private final Sources sources;

	private final SummarizeJob.JobQueue jobs;

	private final Collections collections;

	private final Clock clock;

	CollectionRun(Tasks tasks, Sources sources, SummarizeJob.JobQueue jobs, Collections collections, Clock clock) {
		this.tasks = tasks;
		this.sources = sources;
		this.jobs = jobs;
		this.collections = collections;
		this.clock = clock;
	}

	/**
	 * Whether the collection's list was read: its later runs only follow its items, and
	 * are not counted as starts of its work.
	 */
	boolean listed(Task collection) {
		return !this.tasks.children(collection.id()).isEmpty();
	}

	/** Runs the collection once; answers when to run it again, or empty when it ended. */
	Optional<Instant> run(TaskTracker tracker) {
		List<ChildTask> items = this.tasks.children(tracker.task().id());
		if (items.isEmpty()) {
			list(tracker);
			return Optional.of(this.clock.instant().plus(FOLLOW_INTERVAL));
		}
		return follow(tracker, items);
	}

	private void list(TaskTracker tracker) {
		Task collection = tracker.task();
		tracker.startStage(Phase.FETCHING, "Reading the list...", 5);
		Listing listing = this.sources.list(collection.source().url(), collection.source().limit());
		if (listing.items().isEmpty()) {
			throw SourceFailure.permanent("collection.empty", "This " + listing.kind()
					+ " lists no video Sightline can summarize; check the address, or open it in a browser.");
		}
		int unknown = typicalLength(listing.items());
		tracker.startStage(Phase.SUMMARIZING, "0 of " + listing.items().size() + " summarized", LISTED, () -> {
			List<Collections.NewItem> made = new ArrayList<>();
			for (ListedItem item : listing.items()) {
				int weight = (item.durationSeconds() != null && item.durationSeconds() > 0) ? item.durationSeconds()
						: unknown;
				Task task = this.tasks.createChild(collection.id(), collection.owner(),
						collection.source().item(item.url()), weight, ITEM_QUEUED);
				this.jobs.enqueue(task.id());
				made.add(new Collections.NewItem(item, task.id(), task.summaryId()));
			}
			this.collections.create(collection.summaryId(), collection.owner(), collection.id(), listing, made,
					this.clock.instant());
		});
	}

	private Optional<Instant> follow(TaskTracker tracker, List<ChildTask> items) {
		long total = 0;
		double done = 0;
		int summarized = 0;
		int failed = 0;
		int cancelled = 0;
		for (ChildTask item : items) {
			total += item.weight();
			done += item.weight() * (item.ended() ? 100 : item.progress()) / 100.0;
			summarized += (item.status() == TaskStatus.COMPLETED) ? 1 : 0;
			failed += (item.status() == TaskStatus.ERROR) ? 1 : 0;
			cancelled += (item.status() == TaskStatus.CANCELLED) ? 1 : 0;
		}
		String stage = summarized + " of " + items.size() + " summarized"
				+ ((failed > 0) ? ", " + failed + " failed" : "")
				+ ((cancelled > 0) ? ", " + cancelled + " cancelled" : "");
		if (summarized + failed + cancelled < items.size()) {
			double share = (total > 0) ? done / total : 0;
			tracker.report(LISTED + (int) Math.floor((99 - LISTED) * share), stage);
			return Optional.of(this.clock.instant().plus(FOLLOW_INTERVAL));
		}
		Task collection = tracker.task();
		Runnable keep = () -> this.collections.complete(collection.summaryId(), items, this.clock.instant());
		if (summarized == 0) {
			ChildTask first = items.stream().filter((item) -> item.error() != null).findFirst().orElse(items.get(0));
			tracker.fail(TaskFailure.permanent("collection.nothing_summarized"),
					"None of the " + items.size() + " items could be summarized"
							+ ((first.error() != null) ? "; the first said: " + first.error() : "."),
					keep);
		}
		else {
			tracker.complete(stage, keep);
		}
		return Optional.empty();
	}

	/**
	 * The weight of an item of unknown length: the lengths the list knows, on average.
	 */
	private static int typicalLength(List<ListedItem> items) {
		return (int) Math.round(items.stream()
			.map(ListedItem::durationSeconds)
			.filter((seconds) -> seconds != null && seconds > 0)
			.mapToInt(Integer::intValue)
			.average()
			.orElse(UNKNOWN_LENGTH));
	}

}
