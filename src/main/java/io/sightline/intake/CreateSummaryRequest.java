package io.sightline.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/summaries} (and the form fields of an upload, without
 * {@code url}); only {@code url} is required. {@code language} chooses the captions or
 * transcript; {@code summaryLanguage} the language the summary is written in (a
 * two-letter code, or {@code auto} or none for the transcript's own); {@code transcript}
 * where the transcript comes from ({@code auto}, {@code captions} or {@code asr});
 * {@code limit} how many items of a playlist, channel or feed to summarize, {@code since}
 * the oldest publication date (ISO, {@code 2026-11-01}) of a channel's or feed's items to
 * take, and {@code follow} whether to follow the channel or feed and summarize its new
 * items as they come.
 */
@Schema(example = "{\"url\": \"https://www.youtube.com/watch?v=_ahvzDzKdB0\", \"summarizer\": \"extractive\","
		+ " \"length\": \"medium\", \"language\": \"en\"}")
public record CreateSummaryRequest(String url, String language, String summarizer, String length,
		String summaryLanguage, String transcript, Integer limit, String since, Boolean follow) {

	public CreateSummaryRequest(String url, String language, String summarizer, String length, String summaryLanguage,
			String transcript, Integer limit) {
		this(url, language, summarizer, length, summaryLanguage, transcript, limit, null, null);
	}

	public CreateSummaryRequest(String url, String language, String summarizer, String length) {
		this(url, language, summarizer, length, null, null, null, null, null);
	}

	public CreateSummaryRequest(String url, String language, String summarizer, String length, String summaryLanguage,
			String transcript) {
		this(url, language, summarizer, length, summaryLanguage, transcript, null, null, null);
	}

	/** Whether the request asks for a list: a limit, a date or a follow. */
	boolean asksForList() {
		return this.limit != null || this.since != null || Boolean.TRUE.equals(this.follow);
	}

	/**
	 * The options a follow summarizes its new items with: this request's, without its
	 * address.
	 */
	CreateSummaryRequest options() {
		return new CreateSummaryRequest(null, this.language, this.summarizer, this.length, this.summaryLanguage,
				this.transcript, this.limit, null, null);
	}

}
