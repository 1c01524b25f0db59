package io.sightline.library;

import java.time.Instant;
import java.util.UUID;

/** A summary as the library list shows it. */
record LibraryItem(UUID id, String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
		String thumbnailUrl, Instant createdAt) {
}
