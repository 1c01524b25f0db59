package io.sightline.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.sightline.cache.Cached;
import io.sightline.cache.SourceCache;
import io.sightline.collection.Collections;
import io.sightline.library.Library;
import io.sightline.library.NewSummary;
import io.sightline.source.Listing.ListedItem;
import io.sightline.source.MediaFiles;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceIsAList;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceProgress;
import io.sightline.source.SourceRequest;
import io.sightline.source.Sources;
import io.sightline.source.Thumbnails;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptChoice;
import io.sightline.source.TranscriptVariant;
import io.sightline.source.Uploads;
import io.sightline.summarize.Summarizer;
import io.sightline.summarize.Summarizers;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryLength;
import io.sightline.summarize.SummaryProgress;
import io.sightline.summarize.SummaryRequest;
import io.sightline.system.SightlineFailure;
import io.sightline.task.Phase;
import io.sightline.task.Task;
import io.sightline.task.TaskCancelledException;
import io.sightline.task.TaskFailure;
import io.sightline.task.TaskSource;
import io.sightline.task.TaskTracker;
import io.sightline.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One run of a summarization job: metadata, transcript, summary, store. Finished stages
 * are checkpointed, so a retry resumes at the stage that failed. This is the one place
 * that catches what a stage throws: it classifies the failure, records it on the task and
 * decides whether the job runs again.
 */
@Component
class SummarizePipeline {

	private static final Logger log = LoggerFactory.getLogger(SummarizePipeline.class);

	private final Tasks tasks;

	private final Sources sources;

	private final Thumbnails thumbnails;

	private final Summarizers summarizers;

	private final Library library;

	private final Checkpoints checkpoints;

	private final SourceCache cache;

	private final MediaFiles media;

	private final RetryPolicy retryPolicy;

	private final PipelineMetrics metrics;

	private final Clock clock;

	private final int maxCrashes;

	private final PipelineProperties.StageBudget budget;

	/** Runs the tasks that summarize a playlist or channel. */
	private final CollectionRun collections;

	private final Collections collectionRows;

	private final TransactionOperations transactions;

	/** How many items a task whose address turns out to be a feed takes. */
	private final int collectionLimit;

	SummarizePipeline(Tasks tasks, Sources sources, Thumbnails thumbnails, Summarizers summarizers, Library library,
			Checkpoints checkpoints, SourceCache cache, MediaFiles media, PipelineProperties properties,
			PipelineMetrics metrics, Clock clock, CollectionRun collections, Collections collectionRows,
			TransactionOperations transactions, @Value("${sightline.intake.collection-limit:25}") int collectionLimit) {
		this.tasks = tasks;
		this.collectionRows = collectionRows;
		this.transactions = transactions;
		this.collectionLimit = collectionLimit;
		this.collections = collections;
		this.sources = sources;
		this.thumbnails = thumbnails;
		this.summarizers = summarizers;
		this.library = library;
		this.checkpoints = checkpoints;
		this.cache = cache;
		this.media = media;
		this.retryPolicy = new RetryPolicy(properties, Math::random);
		this.maxCrashes = properties.maxCrashes();
		this.budget = properties.stageBudget();
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Runs the task; answers when to run it again, or empty when the job is over. */
	Optional<Instant> run(UUID taskId) {
		Optional<Task> found = this.tasks.load(taskId);
		if (found.isEmpty() || found.get().status().isTerminal()) {
			release(taskId);
			return Optional.empty();
		}
		boolean collection = found.get().source().kind() == TaskSource.Kind.COLLECTION;
		// once a collection's list is read, its runs only follow its items: not counted
		// as
		// starts of work that may have been cut off
		int crashes = (collection && this.collections.listed(found.get())) ? 0 : this.tasks.startRun(found.get());
		TaskTracker tracker = this.tasks.track(found.get());
		if (crashes >= this.maxCrashes) {
			return interrupted(tracker, crashes);
		}
		try {
			if (collection) {
				return this.collections.run(tracker);
			}
			work(tracker);
			release(taskId);
			this.metrics.finished("completed");
			return Optional.empty();
		}
		catch (TaskCancelledException cancelled) {
			release(taskId);
			this.metrics.finished("cancelled");
			return Optional.empty();
		}
		catch (SourceIsAList list) {
			return becomeCollection(tracker, list.url());
		}
		catch (RuntimeException failure) {
			return failed(tracker, failure);
		}
	}

	/**
	 * A task whose address turned out to be a feed: it becomes the collection of the
	 * feed's first items, whose list this same run reads.
	 */
	private Optional<Instant> becomeCollection(TaskTracker tracker, String url) {
		Task task = tracker.task();
		log.info("Task {} reads a feed at {}: it becomes a collection", task.id(), url);
		this.checkpoints.clear(task.id());
		Task collection = this.transactions.execute((status) -> {
			this.collectionRows.create(task.summaryId(), task.owner(), task.id(), url, this.clock.instant());
			return this.tasks.becomeCollection(task, url, this.collectionLimit);
		});
		TaskTracker listing = this.tasks.track(collection);
		try {
			return this.collections.run(listing);
		}
		catch (TaskCancelledException cancelled) {
			release(task.id());
			return Optional.empty();
		}
		catch (RuntimeException failure) {
			return failed(listing, failure);
		}
	}

	private void work(TaskTracker tracker) {
		Task task = tracker.task();
		TaskSource wanted = task.source();
		StageOverBudget.Watch reading = watch(Stage.TRANSCRIPT);
		SourceRequest request = new SourceRequest(wanted.url(), wanted.fileName(), uploadContent(task),
				wanted.language(), TranscriptChoice.of(wanted.transcript()).orElse(TranscriptChoice.AUTO), task.id(),
				sourceProgressOf(tracker, reading), this.checkpoints.worklog(task.id()), listed(wanted));
		Source source = this.sources.forRequest(request);
		Summarizer summarizer = this.summarizers.get(wanted.summarizer());
		SummaryLength length = this.summarizers.length(wanted.length());

		Optional<String> contentId = source.contentId(request);
		SourceMetadata metadata = stage(tracker, Stage.METADATA, source.name(), SourceMetadata.class, () -> {
			Optional<Cached<SourceMetadata>> cached = contentId.flatMap(this.cache::metadata);
			if (cached.isPresent()) {
				return cached.get().value();
			}
			SourceMetadata read = source.metadata(request);
			contentId.ifPresent((id) -> this.cache.saveMetadata(id, read));
			return read;
		});
		tracker.titled(metadata.title());
		Transcript transcript = stage(tracker, Stage.TRANSCRIPT, source.name(), Transcript.class, () -> {
			reading.start();
			if (source.transcribes(request, metadata)) {
				tracker.startStage(Phase.TRANSCRIBING, "Transcribing the recording...", Stage.TRANSCRIPT.from());
			}
			if (contentId.isEmpty()) {
				return source.transcript(request, metadata);
			}
			TranscriptVariant variant = source.variant(request, metadata);
			// the cache is shared by every user, so a hit reads exactly like a fetch:
			// what others
			// summarized is not told (issue 20)
			tracker.startStage(Stage.TRANSCRIPT.phase(), "Reading the transcript (" + variant.description() + ")...",
					Stage.TRANSCRIPT.from());
			Optional<Cached<Transcript>> cached = this.cache.transcript(contentId.get(), variant);
			if (cached.isPresent()) {
				return cached.get().value();
			}
			Transcript read = source.transcript(request, metadata);
			this.cache.saveTranscript(contentId.get(), variant, read);
			return read;
		});
		SummaryDocument document = stage(tracker, Stage.SUMMARIZE, summarizer.name(), SummaryDocument.class,
				() -> summarizer.summarize(
						new SummaryRequest(metadata.title(), transcript, length, wanted.language(),
								wanted.summaryLanguage(), this.checkpoints.worklog(task.id()), metadata.chapters()),
						progressOf(tracker, summarizing())));

		tracker.startStage(Stage.STORE.phase(), Stage.STORE.text(), Stage.STORE.from());
		NewSummary summary = new NewSummary(task.summaryId(), task.owner(), task.id(), metadata, document, transcript,
				wanted.summaryLanguage(), length.value(), this.thumbnails.fetch(metadata.thumbnailUrl()).orElse(null));
		tracker.complete("Summary ready", () -> this.library.store(summary));
	}

	/**
	 * Reading a source's progress as the task's: reports are merged by the tracker,
	 * milestones written at once; each is a step at which a transcript stage past its
	 * budget stops.
	 */
	private static SourceProgress sourceProgressOf(TaskTracker tracker, StageOverBudget.Watch budget) {
		return new SourceProgress() {

			@Override
			public void advanced(double fraction, String text) {
				budget.check();
				tracker.report(Stage.TRANSCRIPT.at(fraction), text);
			}

			@Override
			public void milestone(double fraction, String text) {
				budget.check();
				tracker.milestone(Stage.TRANSCRIPT.at(fraction), text);
			}

		};
	}

	/**
	 * A summarizer's progress as the task's: reports are merged by the tracker,
	 * milestones written at once; each is a step at which a stage past its budget stops.
	 */
	private static SummaryProgress progressOf(TaskTracker tracker, StageOverBudget.Watch budget) {
		return new SummaryProgress() {

			@Override
			public void advanced(double fraction, String text) {
				budget.check();
				tracker.report(Stage.SUMMARIZE.at(fraction), text);
			}

			@Override
			public void milestone(double fraction, String text) {
				budget.check();
				tracker.milestone(Stage.SUMMARIZE.at(fraction), text);
			}

		};
	}

	/** The summarize stage's budget, counted from this moment (its start). */
	private StageOverBudget.Watch summarizing() {
		StageOverBudget.Watch watch = watch(Stage.SUMMARIZE);
		watch.start();
		return watch;
	}

	private StageOverBudget.Watch watch(Stage stage) {
		return new StageOverBudget.Watch(stage, this.budget.of(stage), this.clock);
	}

	/** What the task's list said of its item (a feed's episode), or null. */
	private static ListedItem listed(TaskSource source) {
		TaskSource.Item item = source.item();
		return (item != null) ? new ListedItem(source.url(), item.title(), null, null, item.mediaType(),
				item.transcriptUrl(), item.transcriptType()) : null;
	}

	private String uploadContent(Task task) {
		if (task.source().kind() != TaskSource.Kind.UPLOAD || Uploads.isRecording(task.source().fileName())) {
			return null;
		}
		return this.tasks.uploadContent(task.id())
			.orElseThrow(() -> SourceFailure.permanent("upload.gone",
					"The uploaded file of this task is no longer stored; upload it again."));
	}

	/** Removes what an ended task kept: its checkpoints and worklog, its recording. */
	private void release(UUID taskId) {
		this.checkpoints.clear(taskId);
		this.media.release(taskId);
	}

	private <T> T stage(TaskTracker tracker, Stage stage, String worker, Class<T> type, Supplier<T> work) {
		UUID taskId = tracker.task().id();
		Optional<T> done = this.checkpoints.load(taskId, stage, type);
		if (done.isPresent()) {
			return done.get();
		}
		tracker.startStage(stage.phase(), stage.text(), stage.from());
		Instant started = this.clock.instant();
		T result = work.get();
		this.metrics.stageTook(stage, worker, Duration.between(started, this.clock.instant()));
		this.checkpoints.save(taskId, stage, result);
		return result;
	}

	/**
	 * Runs of this task keep being cut off with their process: end it instead of running
	 * it again.
	 */
	private Optional<Instant> interrupted(TaskTracker tracker, int crashes) {
		Task task = tracker.task();
		log.error("Task {} ends interrupted: {} runs of it were cut off with their process", task.id(), crashes);
		try {
			tracker.fail(TaskFailure.interrupted("task.crashed"), "The server stopped " + crashes
					+ " times while working on this task, so it was not tried again; if it is a large file, give"
					+ " the server more memory or summarize a smaller part, then submit it again.");
			this.metrics.finished("error");
		}
		catch (TaskCancelledException cancelled) {
			// ended meanwhile
		}
		release(task.id());
		return Optional.empty();
	}

	private Optional<Instant> failed(TaskTracker tracker, RuntimeException failure) {
		Task task = tracker.task();
		if (Thread.currentThread().isInterrupted()) {
			// the node is shutting down: record nothing, so the job engine hands the job
			// back as it stands
			throw failure;
		}
		Failures.Classified classified = Failures.classify(failure);
		try {
			if (classified.isTransient() && task.hasAttemptsLeft()) {
				int next = task.attempt() + 1;
				Duration delay = this.retryPolicy.delayBefore(next, classified.retryAfter());
				log.warn("Task {} attempt {} of {} failed, retrying in {}: {}", task.id(), task.attempt(),
						task.maxAttempts(), delay, failure.toString());
				Instant nextAt = this.clock.instant().plus(delay).truncatedTo(ChronoUnit.MILLIS);
				tracker.retrying("Retrying in " + seconds(delay) + " (attempt " + next + " of " + task.maxAttempts()
						+ "): " + classified.sentence(), nextAt);
				this.metrics.retried(true);
				return Optional.of(nextAt);
			}
			if (classified.isTransient()) {
				log.warn("Task {} gave up after {} attempts: {}", task.id(), task.attempt(), failure.toString());
				tracker.fail(TaskFailure.gaveUp(classified.code()), "Gave up after " + task.attempt() + " attempts: "
						+ Failures.withoutRetry(classified.sentence()));
			}
			else if (failure instanceof SightlineFailure) {
				log.info("Task {} failed: {}", task.id(), classified.sentence());
				tracker.fail(TaskFailure.permanent(classified.code()), classified.sentence());
			}
			else {
				log.error("Task {} failed with an unexpected error", task.id(), failure);
				tracker.fail(TaskFailure.permanent(classified.code()), classified.sentence());
			}
			release(task.id());
			this.metrics.finished("error");
			return Optional.empty();
		}
		catch (TaskCancelledException cancelled) {
			release(task.id());
			return Optional.empty();
		}
	}

	private static String seconds(Duration delay) {
		long secs = Math.max(1, Math.round(delay.toMillis() / 1000.0));
		return secs + " s";
	}

}
