package io.sightline.summarize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of summarizing ({@code sightline.summarizer.*}).
 *
 * @param defaultName the summarizer used when a request names none (default
 * {@code extractive})
 * @param defaultLength the length used when a request names none (default {@code medium})
 * @param extractiveMaxWords the longest transcript the extractive summarizer reads whole;
 * a longer one is cut there with a note in the summary (default 300,000 words, about 30
 * hours of speech)
 */
@ConfigurationProperties("sightline.summarizer")
public record SummarizerProperties(@DefaultValue("extractive") String defaultName,
		@DefaultValue("medium") String defaultLength, @DefaultValue("300000") int extractiveMaxWords) {
}
