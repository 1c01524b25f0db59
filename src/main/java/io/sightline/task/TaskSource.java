package io.sightline.task;

import java.util.Objects;

/**
 * What a task summarizes and how the user asked for it: a URL, or an uploaded file whose
 * text is kept with the task until it finishes, so a retry or another node can read it
 * again. {@code transcript} is where its transcript should come from ({@code captions},
 * {@code asr}, or null for either).
 */
public record TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length,
		String summaryLanguage, String transcript) {

	/** A source whose summary is written in the transcript's own language. */
	public TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length) {
		this(kind, url, fileName, language, summarizer, length, null, null);
	}

	public TaskSource(Kind kind, String url, String fileName, String language, String summarizer, String length,
			String summaryLanguage) {
		this(kind, url, fileName, language, summarizer, length, summaryLanguage, null);
	}

	public enum Kind {

		URL, UPLOAD

	}

	public TaskSource {
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.URL && url == null) {
			throw new IllegalArgumentException("a URL source needs a url");
		}
		if (kind == Kind.UPLOAD && fileName == null) {
			throw new IllegalArgumentException("an upload source needs a file name");
		}
	}

}
