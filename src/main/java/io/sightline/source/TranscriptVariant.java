package io.sightline.source;

/**
 * Which of a content's transcripts a source reads: a language and a kind ({@code manual},
 * {@code auto} for speech recognition, {@code translated:xx} for a translation from
 * language xx). {@code description} names it for people ("English captions
 * (auto-generated)").
 */
public record TranscriptVariant(String language, String kind, String description) {

	public static final String MANUAL = "manual";

	public static final String AUTO = "auto";

	public static TranscriptVariant translated(String language, String from, String description) {
		return new TranscriptVariant(language, "translated:" + from, description);
	}

}
