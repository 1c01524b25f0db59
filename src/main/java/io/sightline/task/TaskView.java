package io.sightline.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A task's state as clients see it: the body of {@code GET /api/progress/{id}} and of
 * each SSE event. {@code stage} and {@code error} are sentences for people; programs
 * decide from {@code status}, {@code phase}, {@code failure} (set once it failed or was
 * cancelled) and {@code retry} (set while a retry waits). A task that summarizes a
 * playlist or channel has a {@code collectionId} (where its items' summaries are listed)
 * instead of a {@code summaryId}. {@code title} is what it summarizes, once known (the
 * file's name for an upload until then), and {@code source} what was asked for.
 */
@Schema(example = "{\"task_id\": \"0b6c…\", \"progress\": 40, \"stage\": \"Reading the transcript (English"
		+ " captions)...\", \"status\": \"processing\", \"phase\": \"fetching\", \"error\": null, \"failure\": null,"
		+ " \"retry\": null, \"summary_id\": \"5f1e…\", \"attempt\": 1, \"max_attempts\": 3, \"created_at\":"
		+ " \"2026-12-07T10:00:00Z\", \"updated_at\": \"2026-12-07T10:00:02Z\", \"collection_id\": null, \"title\":"
		+ " \"The Myth of the Genius Programmer\", \"source\": {\"kind\": \"url\"}}")
public record TaskView(UUID taskId, int progress, String stage, TaskStatus status, Phase phase, String error,
		TaskFailure failure, RetryPlan retry, UUID summaryId, int attempt, int maxAttempts, Instant createdAt,
		Instant updatedAt, UUID collectionId, String title, Source source) {

	/**
	 * What a task was asked to summarize, and how: {@code kind} is {@code url},
	 * {@code upload} or {@code collection}; options left out are null (the defaults).
	 */
	public record Source(String kind, String url, String fileName, String language, String summarizer, String length,
			String summaryLanguage, String transcript, Integer limit, LocalDate since) {

		static Source of(TaskSource source) {
			return new Source(source.kind().name().toLowerCase(Locale.ROOT), source.url(), source.fileName(),
					source.language(), source.summarizer(), source.length(), source.summaryLanguage(),
					source.transcript(), source.limit(), source.since());
		}

	}

}
