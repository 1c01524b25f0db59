package io.sightline.source;

/** What a source says about the content; everything but {@code title} and {@code sourceType} may be null. */
public record SourceMetadata(String title, String sourceUrl, String sourceType, String channel,
		Integer durationSeconds, String thumbnailUrl, String language) {
}
