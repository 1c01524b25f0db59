package io.sightline.summarize;

import java.util.Objects;

import io.sightline.source.Transcript;
import io.sightline.system.Worklog;

/**
 * What to summarize and how: the transcript, its title, the wanted length and language
 * (null: detect), the language to write the summary in (null: the transcript's), and
 * where finished parts of the work are kept.
 */
public record SummaryRequest(String title, Transcript transcript, SummaryLength length, String language,
		String summaryLanguage, Worklog worklog) {

	public SummaryRequest {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(transcript, "transcript");
		Objects.requireNonNull(length, "length");
		Objects.requireNonNull(worklog, "worklog");
	}

	/** A request whose work is not kept between runs. */
	public SummaryRequest(String title, Transcript transcript, SummaryLength length, String language) {
		this(title, transcript, length, language, null, Worklog.NONE);
	}

}
