package io.sightline.summarize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of summarizing ({@code sightline.summarizer.*}).
 *
 * @param defaultName the summarizer used when a request names none (default
 * {@code extractive})
 * @param defaultLength the length used when a request names none (default {@code medium})
 */
@ConfigurationProperties("sightline.summarizer")
public record SummarizerProperties(@DefaultValue("extractive") String defaultName,
		@DefaultValue("medium") String defaultLength) {
}
