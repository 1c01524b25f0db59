package io.sightline.intake;

/** The JSON body of {@code POST /api/summaries}; only {@code url} is required. */
public record CreateSummaryRequest(String url, String language, String summarizer, String length) {
}
