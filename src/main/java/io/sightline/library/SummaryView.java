package io.sightline.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sightline.source.Chapter;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.TokenUsage;

/**
 * One stored summary, as {@code GET /api/summaries/{id}} returns it; {@code language} is
 * the transcript's, {@code summaryLanguage} the one the summary is written in,
 * {@code length} the one asked for (null: the default, or before lengths were kept).
 * {@code thumbnailUrl} is where the source's picture was; {@code thumbnail} where
 * Sightline serves the copy it kept (null when it could not fetch one).
 */
public record SummaryView(UUID id, String title, String sourceUrl, String sourceType, String channel,
		Integer durationSeconds, String thumbnailUrl, Instant createdAt, String language, String summaryLanguage,
		String tldr, String summaryMarkdown, List<KeyPoint> keyPoints, List<Chapter> chapters, String summarizer,
		String model, TokenUsage usage, int transcriptChars, UUID taskId, String length, String thumbnail) {
}
