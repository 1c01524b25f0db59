package io.sightline.library;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sightline.source.Segment;
import io.sightline.system.ApiException;

import org.springframework.stereotype.Service;

/** Stored summaries and their transcripts, each visible to its owner alone. */
@Service
public class Library {

	static final int MAX_PAGE_SIZE = 100;

	static final int MAX_QUERY_LENGTH = 200;

	private static final long MAX_OFFSET = 10_000_000;

	private final LibraryRepository repository;

	private final Clock clock;

	Library(LibraryRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
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
		return new LibraryPage(this.repository.page(owner, q, page, size), this.repository.count(owner, q), page, size);
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
