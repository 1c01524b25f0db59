package io.sightline.library;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sightline.source.Segment;
import io.sightline.source.Sources;
import io.sightline.source.Thumbnails;
import io.sightline.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stored summaries and their transcripts, each visible to its owner alone. */
@Service
public class Library {

	private static final Logger logger = LoggerFactory.getLogger(Library.class);

	static final int MAX_PAGE_SIZE = 100;

	static final int MAX_QUERY_LENGTH = 200;

	private static final long MAX_OFFSET = 10_000_000;

	/** How many words of a search count; more narrow it no further. */
	private static final int MAX_TERMS = 12;

	static final int MAX_TITLE_LENGTH = 1000;

	private static final int INDEX_BATCH = 50;

	private final LibraryRepository repository;

	private final Clock clock;

	private final Sources sources;

	Library(LibraryRepository repository, Clock clock, Sources sources) {
		this.repository = repository;
		this.clock = clock;
		this.sources = sources;
	}

	/**
	 * Stores a summary under its reserved id; storing the same id again does nothing, so
	 * a job that is run again after a crash never makes a second summary.
	 */
	public void store(NewSummary summary) {
		if (!this.repository.exists(summary.id())) {
			this.repository.insert(summary, this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		}
	}

	public LibraryPage page(String owner, String query, int page, int size) {
		return page(owner, query, null, null, null, null, page, size);
	}

	/**
	 * A page of the owner's library: every entry, or those a search finds (every word of
	 * it, in a title, channel, TL;DR, key point, chapter or transcript, ranked), of a
	 * source type, made by a summarizer, since a date (each null for any), in the order
	 * asked for (null: by relevance for a search, else newest first).
	 */
	public LibraryPage page(String owner, String query, String type, String summarizer, LocalDate since, String sort,
			int page, int size) {
		if (page < 0) {
			throw ApiException.badRequest("page must be 0 or more (pages count from 0), not " + page + ".");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiException.badRequest("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
		}
		if ((long) page * size > MAX_OFFSET) {
			throw ApiException.badRequest("page " + page + " is past the end of any library; ask for an earlier page.");
		}
		String q = (query == null || query.isBlank()) ? null : query.strip();
		if (q != null && q.length() > MAX_QUERY_LENGTH) {
			throw ApiException.badRequest(
					"The search text is longer than " + MAX_QUERY_LENGTH + " characters; search for a few words.");
		}
		List<String> terms = (q != null) ? SearchTerms.query(q).stream().limit(MAX_TERMS).toList() : List.of();
		LibraryQuery.Sort order = sortOf(sort, q != null);
		LibraryQuery asked = new LibraryQuery(q, terms, blankToNull(type), blankToNull(summarizer), since, order);
		List<LibraryItem> items = this.repository.page(owner, asked, page, size);
		if (!terms.isEmpty()) {
			items = items.stream().map((item) -> withSnippet(item, owner, terms)).toList();
		}
		return new LibraryPage(items, this.repository.count(owner, asked), page, size);
	}

	private static LibraryQuery.Sort sortOf(String sort, boolean searching) {
		if (sort == null || sort.isBlank()) {
			return searching ? LibraryQuery.Sort.RELEVANCE : LibraryQuery.Sort.NEWEST;
		}
		for (LibraryQuery.Sort known : LibraryQuery.Sort.values()) {
			if (known.name().equalsIgnoreCase(sort.strip())) {
				return known;
			}
		}
		throw ApiException.badRequest(
				"sort must be relevance, newest, oldest or title, not \"" + sort + "\"; leave it out for the default.");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The entry with where the search found its words: in its TL;DR, a key point or a
	 * chapter if they have most of them, else in its transcript.
	 */
	private LibraryItem withSnippet(LibraryItem item, String owner, List<String> terms) {
		if (!"summary".equals(item.kind())) {
			return item;
		}
		Optional<SummaryView> summary = this.repository.find(item.id(), owner);
		if (summary.isEmpty()) {
			return item;
		}
		List<Snippets.Candidate> candidates = new ArrayList<>();
		SummaryView view = summary.get();
		if (view.tldr() != null) {
			candidates.add(new Snippets.Candidate(view.tldr(), "tldr", null));
		}
		view.keyPoints()
			.forEach(
					(point) -> candidates.add(new Snippets.Candidate(point.text(), "key_point", point.startSeconds())));
		view.chapters()
			.forEach((chapter) -> candidates
				.add(new Snippets.Candidate(chapter.title(), "chapter", chapter.startSeconds())));
		Snippet found = Snippets.best(terms, candidates);
		if (found == null || found.highlights().size() < terms.size()) {
			List<Snippets.Candidate> spoken = new ArrayList<>();
			if (found != null) {
				spoken.add(new Snippets.Candidate(found.text(), found.field(), found.startSeconds()));
			}
			this.repository.transcript(item.id(), owner)
				.orElse(List.of())
				.forEach((segment) -> spoken
					.add(new Snippets.Candidate(segment.text(), "transcript", segment.startSeconds())));
			Snippet inTranscript = Snippets.best(terms, spoken);
			found = (inTranscript != null) ? inTranscript : found;
		}
		return item.withSnippet(found);
	}

	/**
	 * Indexes, for search and versions, the summaries stored before the index was, a
	 * batch at a time. Several nodes starting at once may do the same summary; the one
	 * that loses skips it.
	 */
	public int indexMissing() {
		int indexed = 0;
		List<UUID> batch = this.repository.unindexed(INDEX_BATCH);
		while (!batch.isEmpty()) {
			int done = 0;
			for (UUID id : batch) {
				try {
					this.repository.reindex(id);
					done++;
				}
				catch (DataIntegrityViolationException anotherNode) {
					logger.debug("Summary {} was indexed by another node", id);
				}
			}
			indexed += done;
			batch = (done == 0 || batch.size() < INDEX_BATCH) ? List.of() : this.repository.unindexed(INDEX_BATCH);
		}
		return indexed;
	}

	/** Indexes what an earlier version stored, off the start-up thread. */
	@EventListener(ApplicationReadyEvent.class)
	void indexAtStart() {
		Thread indexing = new Thread(() -> {
			int indexed = indexMissing();
			if (indexed > 0) {
				logger.info("Indexed {} summaries stored before search had an index", indexed);
			}
		}, "library-index");
		indexing.setDaemon(true);
		indexing.start();
	}

	/** Gives the owner's summary a new title, which search then finds. */
	@Transactional
	public SummaryView rename(UUID id, String owner, String title) {
		String wanted = (title == null) ? "" : title.strip();
		if (wanted.isEmpty() || wanted.length() > MAX_TITLE_LENGTH) {
			throw ApiException.badRequest("A title must have 1 to " + MAX_TITLE_LENGTH
					+ " characters; send {\"title\": \"...\"} with the new title.");
		}
		if (!this.repository.rename(id, owner, wanted)) {
			throw notFound(id);
		}
		this.repository.reindex(id);
		return get(id, owner);
	}

	/** The summaries of the same source and options as this one, newest first. */
	public List<Version> versions(UUID id, String owner) {
		List<Version> versions = this.repository.versions(id, owner);
		if (versions.isEmpty()) {
			get(id, owner);
		}
		return versions;
	}

	/**
	 * The owner's newest summary of the source at this address (in any form: a video's
	 * short link finds its summary), with the options it was made with.
	 */
	public Optional<Version> existing(String owner, String url) {
		return this.repository.newestOfSource(owner, Versions.sourceKey(this.sources.address(url)));
	}

	/**
	 * The owner's summary of this address (the newest, if several), so a video a playlist
	 * lists again is linked rather than summarized again.
	 */
	public Optional<UUID> summaryOf(String owner, String sourceUrl) {
		return this.repository.newestOf(owner, sourceUrl);
	}

	public SummaryView get(UUID id, String owner) {
		return this.repository.find(id, owner).orElseThrow(() -> notFound(id));
	}

	/** The picture kept of the owner's summary's source. */
	public Thumbnails.Image thumbnail(UUID id, String owner) {
		return this.repository.thumbnail(id, owner)
			.orElseThrow(() -> ApiException.notFound("Summary " + id + " has no picture; its source had none, or it"
					+ " could not be fetched when the summary was made."));
	}

	public List<Segment> transcript(UUID id, String owner) {
		return this.repository.transcript(id, owner).orElseThrow(() -> notFound(id));
	}

	public void delete(UUID id, String owner) {
		if (!this.repository.delete(id, owner)) {
			throw notFound(id);
		}
	}

	/**
	 * Deletes the owner's summary {@code id} if the task {@code taskId} made it (not if
	 * it was only linked to that task); answers whether it did.
	 */
	public boolean deleteIfMadeBy(UUID id, UUID taskId, String owner) {
		return this.repository.deleteIfMadeBy(id, taskId, owner);
	}

	private static ApiException notFound(UUID id) {
		return ApiException.notFound("Summary " + id + " not found; check the id, or whether it was deleted.");
	}

}
