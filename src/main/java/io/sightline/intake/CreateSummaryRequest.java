package io.sightline.intake;

/**
 * The JSON body of {@code POST /api/summaries} (and the form fields of an upload, without
 * {@code url}); only {@code url} is required. {@code language} chooses the captions or
 * transcript; {@code summaryLanguage} the language the summary is written in (a
 * two-letter code, or {@code auto} or none for the transcript's own); {@code transcript}
 * where the transcript comes from ({@code auto}, {@code captions} or {@code asr}).
 */
public record CreateSummaryRequest(String url, String language, String summarizer, String length,
		String summaryLanguage, String transcript) {

	public CreateSummaryRequest(String url, String language, String summarizer, String length) {
		this(url, language, summarizer, length, null, null);
	}

}
