package io.sightline.source;

import java.util.List;

/**
 * What a source says about the content; everything but {@code title} and
 * {@code sourceType} may be null. {@code locator} is what the transcript stage needs from
 * the metadata stage (for YouTube, the caption tracks on offer), in the source's own
 * notation and opaque to everyone else.
 */
public record SourceMetadata(String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
		String thumbnailUrl, String language, List<Chapter> chapters, String locator) {

	public SourceMetadata {
		chapters = (chapters != null) ? List.copyOf(chapters) : List.of();
	}

	public SourceMetadata(String title, String sourceUrl, String sourceType, String channel, Integer durationSeconds,
			String thumbnailUrl, String language) {
		this(title, sourceUrl, sourceType, channel, durationSeconds, thumbnailUrl, language, List.of(), null);
	}

}
