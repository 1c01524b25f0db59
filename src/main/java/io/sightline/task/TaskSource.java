package io.sightline.task;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a task summarizes and how the user asked for it: a URL, or an uploaded file whose
 * text is kept with the task until it finishes, so a retry or another node can read it
 * again; or a collection, an address that lists many items (a playlist, a channel), each
 * summarized by a task of its own. {@code transcript} is where its transcript should come
 * from ({@code captions}, {@code asr}, or null for either); {@code limit} how many items
 * a collection takes at most, {@code since} the oldest date of the items it takes (or
 * null); {@code item} what a feed said of the episode a task summarizes (or null).
 */
public record TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length,
		String summaryLanguage, String transcript, Integer limit, LocalDate since, Item item) {

	public TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length,
			String summaryLanguage, String transcript, Integer limit) {
		this(kind, url, fileName, language, summarizer, length, summaryLanguage, transcript, limit, null, null);
	}

	public TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length,
			String summaryLanguage, String transcript) {
		this(kind, url, fileName, language, summarizer, length, summaryLanguage, transcript, null);
	}

	/** A source whose summary is written in the transcript's own language. */
	public TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length) {
		this(kind, url, fileName, language, summarizer, length, null, null, null);
	}

	public TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length,
			String summaryLanguage) {
		this(kind, url, fileName, language, summarizer, length, summaryLanguage, null, null);
	}

	public enum Kind {

		URL, UPLOAD, COLLECTION

	}

	public TaskSource {
		Objects.requireNonNull(kind, "kind");
		if ((kind == Kind.URL || kind == Kind.COLLECTION) && url == null) {
			throw new IllegalArgumentException("a " + kind + " source needs a url");
		}
		if (kind == Kind.COLLECTION && (limit == null || limit < 1)) {
			throw new IllegalArgumentException("a collection needs a limit of at least 1: " + limit);
		}
		if (kind == Kind.UPLOAD && fileName == null) {
			throw new IllegalArgumentException("an upload source needs a file name");
		}
	}

	/**
	 * The same request for one item of a collection: its own address and what its list
	 * says of it (or null), no limit.
	 */
	public TaskSource item(String itemUrl, Item listed) {
		return new TaskSource(Kind.URL, itemUrl, null, this.language, this.summarizer, this.length,
				this.summaryLanguage, this.transcript, null, null, listed);
	}

	/**
	 * What a feed says of one of its episodes, kept with the episode's task: its title,
	 * the media type of its enclosure (the task's address) and where its transcript is.
	 *
	 * @param title the episode's title
	 * @param mediaType the enclosure's type, such as {@code audio/mpeg}, or null
	 * @param transcriptUrl the episode's transcript ({@code podcast:transcript}), or null
	 * @param transcriptType that transcript's type, such as {@code text/vtt}, or null
	 */
	public record Item(String title, String mediaType, String transcriptUrl, String transcriptType) {

	}

}
