package io.sightline.library;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of the library list: a summary, or a collection (a playlist, channel or feed)
 * that opens to its items. {@code kind} says which; a collection has its
 * {@code itemCount} and the first item's thumbnail, its {@code sourceType} is the list's
 * kind. A summary that a collection made has that collection's {@code collectionId} and
 * {@code collectionTitle} (such summaries are listed inside their collection, and found
 * by a search).
 */
record LibraryItem(UUID id, String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
		String thumbnailUrl, Instant createdAt, String kind, Integer itemCount, UUID collectionId,
		String collectionTitle) {

	LibraryItem(UUID id, String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
			String thumbnailUrl, Instant createdAt) {
		this(id, title, sourceUrl, sourceType, channel, durationSeconds, thumbnailUrl, createdAt, "summary", null, null,
				null);
	}

}
