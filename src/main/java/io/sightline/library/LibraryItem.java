package io.sightline.library;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of the library list: a summary, or a collection (a playlist, channel or feed)
 * that opens to its items. {@code kind} says which; a collection has its
 * {@code itemCount} and the first item's thumbnail, its {@code sourceType} is the list's
 * kind. A summary that a collection made has that collection's {@code collectionId} and
 * {@code collectionTitle} (such summaries are listed inside their collection, and found
 * by a search). A summary is the newest of its source and options; {@code versionCount}
 * says how many summaries that makes. A search's results have a {@code snippet} that
 * shows where the words were found (null without a search, or when only the title has
 * them). {@code thumbnail} is where Sightline serves the picture it kept (null: none).
 */
record LibraryItem(UUID id, String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
		String thumbnailUrl, Instant createdAt, String kind, Integer itemCount, UUID collectionId,
		String collectionTitle, String summarizer, Integer versionCount, Snippet snippet, String thumbnail) {

	LibraryItem(UUID id, String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
			String thumbnailUrl, Instant createdAt) {
		this(id, title, sourceUrl, sourceType, channel, durationSeconds, thumbnailUrl, createdAt, "summary", null, null,
				null, null, null, null, null);
	}

	LibraryItem withSnippet(Snippet found) {
		return new LibraryItem(this.id, this.title, this.sourceUrl, this.sourceType, this.channel, this.durationSeconds,
				this.thumbnailUrl, this.createdAt, this.kind, this.itemCount, this.collectionId, this.collectionTitle,
				this.summarizer, this.versionCount, found, this.thumbnail);
	}

}
