package io.sightline.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sightline.collection.Collections;
import io.sightline.collection.Follows;
import io.sightline.library.Library;
import io.sightline.source.Listing;
import io.sightline.source.Listing.ListedItem;
import io.sightline.source.SourceFailure;
import io.sightline.source.Sources;
import io.sightline.system.SightlineFailure;
import io.sightline.task.ChildTask;
import io.sightline.task.Phase;
import io.sightline.task.Task;
import io.sightline.task.TaskFailure;
import io.sightline.task.TaskSource;
import io.sightline.task.TaskStatus;
import io.sightline.task.TaskTracker;
import io.sightline.task.Tasks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A run of a collection's task (a playlist, a channel). The first run reads the list and
 * makes one task per item in the transaction that stores the collection: either all of
 * them exist or none. A video the owner's library holds already is linked, its task born
 * completed, not summarized again. Items are ordinary tasks, run by any node, started in
 * the list's order a few at a time ({@code sightline.pipeline.collection-parallel} on the
 * whole cluster), and none while a started one waits to retry: a refusal from YouTube
 * slows the whole collection, not only the item that met it. Every later run, a second
 * apart, starts the next items and is the task's progress: the items' bars weighted by
 * their expected work (their length), and "7 of 25 summarized, 1 failed"; when every item
 * has ended the collection completes with each item's outcome.
 */
@Component
class CollectionRun {

	/** How often a collection's progress is gathered from its items. */
	static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

	/** The weight of an item whose length the list does not say, if none says. */
	private static final int UNKNOWN_LENGTH = 600;

	/** The collection's bar: reading the list, then the items. */
	private static final int LISTED = 10;

	private static final String ITEM_QUEUED = "Waiting for its turn in the list...";

	private static final String IN_LIBRARY = "Already in your library";

	private static final String NOTHING_NEW = "Nothing new since the last check";

	private final Tasks tasks;

	private final Sources sources;

	private final SummarizeJob.JobQueue jobs;

	private final Collections collections;

	private final Library library;

	private final Follows follows;

	private final TransactionOperations transactions;

	private final Clock clock;

	/** How many items of one collection run at once, on the whole cluster. */
	private final int parallel;

	CollectionRun(Tasks tasks, Sources sources, SummarizeJob.JobQueue jobs, Collections collections, Follows follows,
			Library library, TransactionOperations transactions, PipelineProperties properties, Clock clock) {
		this.tasks = tasks;
		this.follows = follows;
		this.library = library;
		this.sources = sources;
		this.jobs = jobs;
		this.collections = collections;
		this.transactions = transactions;
		this.parallel = properties.collectionParallel();
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
		TaskSource wanted = collection.source();
		Optional<UUID> follow = this.follows.ofCollection(collection.summaryId());
		Listing listing;
		try {
			listing = this.sources.list(wanted.url(), wanted.limit(), wanted.since());
		}
		catch (SightlineFailure failed) {
			follow.ifPresent((id) -> this.follows.checked(id, this.clock.instant(), null, failed.getMessage()));
			throw failed;
		}
		follow.ifPresent((id) -> this.follows.checked(id, this.clock.instant(), listing.title(), null));
		tracker.titled(listing.title());
		if (listing.items().isEmpty()) {
			throw SourceFailure.permanent("collection.empty",
					"This " + listing.kind() + " lists no "
							+ ((wanted.since() != null) ? "item published since " + wanted.since() : "item")
							+ " Sightline can summarize; check the address"
							+ ((wanted.since() != null) ? " or the date." : ", or open it in a browser."));
		}
		// a follow's collection takes only what none of its collections took before; a
		// check that finds nothing new keeps no collection
		List<ListedItem> taken = follow.map((id) -> this.follows.unseen(id, listing.items())).orElse(listing.items());
		if (taken.isEmpty()) {
			tracker.complete(NOTHING_NEW, () -> this.collections.forget(collection.summaryId()));
			return;
		}
		int unknown = typicalLength(taken);
		tracker.startStage(Phase.SUMMARIZING, "0 of " + taken.size() + " summarized", LISTED, () -> {
			List<Collections.NewItem> made = new ArrayList<>();
			for (ListedItem item : taken) {
				int weight = (item.durationSeconds() != null && item.durationSeconds() > 0) ? item.durationSeconds()
						: unknown;
				Optional<UUID> known = this.library.summaryOf(collection.owner(), item.url());
				TaskSource source = wanted.item(item.url(), item.isEpisode() ? new TaskSource.Item(item.title(),
						item.mediaType(), item.transcriptUrl(), item.transcriptType()) : null);
				Task task = known.isPresent()
						? this.tasks.createDoneChild(collection.id(), collection.owner(), source, weight, known.get(),
								IN_LIBRARY)
						: this.tasks.createChild(collection.id(), collection.owner(), source, weight, ITEM_QUEUED);
				made.add(new Collections.NewItem(item, task.id(), task.summaryId()));
			}
			this.collections.listed(collection.summaryId(), listing, made, 0, this.clock.instant());
			follow.ifPresent((id) -> this.follows.see(id, taken));
			// the first items start in this transaction too
			startNext(collection, this.tasks.children(collection.id()));
		});
	}

	private Optional<Instant> follow(TaskTracker tracker, List<ChildTask> items) {
		startNext(tracker.task(), items);
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
	 * Starts the next items in the list's order while fewer than the allowed number run
	 * and none waits to retry; their jobs and the count of started items are written
	 * together.
	 */
	private void startNext(Task collection, List<ChildTask> items) {
		Collections.Order order = this.collections.order(collection.summaryId());
		Map<UUID, ChildTask> byId = items.stream().collect(Collectors.toMap(ChildTask::id, Function.identity()));
		List<ChildTask> started = order.tasks()
			.subList(0, order.started())
			.stream()
			.map(byId::get)
			.filter(Objects::nonNull)
			.toList();
		boolean retrying = started.stream().anyMatch((item) -> !item.ended() && item.phase() == Phase.RETRYING);
		long running = started.stream().filter((item) -> !item.ended()).count();
		int next = order.started();
		List<UUID> toStart = new ArrayList<>();
		while (!retrying && running + toStart.size() < this.parallel && next < order.tasks().size()) {
			UUID task = order.tasks().get(next++);
			ChildTask item = byId.get(task);
			if (item != null && !item.ended()) {
				toStart.add(task);
			}
		}
		if (next > order.started()) {
			int count = next;
			this.transactions.executeWithoutResult((status) -> {
				toStart.forEach(this.jobs::enqueue);
				this.collections.started(collection.summaryId(), count);
			});
		}
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
