package io.sightline.intake;

/**
 * The JSON body of {@code POST /api/summaries} (and the form fields of an upload, without
 * {@code url}); only {@code url} is required. {@code language} chooses the captions or
 * transcript; {@code summaryLanguage} the language the summary is written in (a
 * two-letter code, or {@code auto} or none for the transcript's own); {@code transcript}
 * where the transcript comes from ({@code auto}, {@code captions} or {@code asr});
 * {@code limit} how many items of a playlist or channel to summarize.
 */
public record CreateSummaryRequest(String url, String language, String summarizer, String length,
		String summaryLanguage, String transcript, Integer limit) {

	public CreateSummaryRequest(String url, String language, String summarizer, String length) {
		this(url, language, summarizer, length, null, null, null);
	}

	public CreateSummaryRequest(String url, String language, String summarizer, String length, String summaryLanguage,
			String transcript) {
		this(url, language, summarizer, length, summaryLanguage, transcript, null);
	}

}
