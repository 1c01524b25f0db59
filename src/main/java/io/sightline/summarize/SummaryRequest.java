package io.sightline.summarize;

import java.util.List;
import java.util.Objects;

import io.sightline.source.Chapter;
import io.sightline.source.Transcript;
import io.sightline.system.Worklog;

/**
 * What to summarize and how: the transcript, its title, the wanted length and language
 * (null: detect), the language to write the summary in (null: the transcript's), where
 * finished parts of the work are kept, and the chapters the source has (a video's, as its
 * description lists them; empty when it has none).
 */
public record SummaryRequest(String title, Transcript transcript, SummaryLength length, String language,
		String summaryLanguage, Worklog worklog, List<Chapter> chapters) {

	public SummaryRequest {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(transcript, "transcript");
		Objects.requireNonNull(length, "length");
		Objects.requireNonNull(worklog, "worklog");
		chapters = (chapters != null) ? List.copyOf(chapters) : List.of();
	}

	public SummaryRequest(String title, Transcript transcript, SummaryLength length, String language,
			String summaryLanguage, Worklog worklog) {
		this(title, transcript, length, language, summaryLanguage, worklog, List.of());
	}

	/** A request whose work is not kept between runs. */
	public SummaryRequest(String title, Transcript transcript, SummaryLength length, String language) {
		this(title, transcript, length, language, null, Worklog.NONE);
	}

}
