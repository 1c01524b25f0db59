package io.sightline.library;

import java.time.Instant;
import java.util.UUID;

/**
 * One summary of a source, with the options it was made with: a version of a library
 * entry, or the summary a new request for the same source is offered.
 */
public record Version(UUID id, String title, Instant createdAt, String summarizer, String model, String length,
		String summaryLanguage) {
}
