package io.sightline.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reading sources ({@code sightline.source.*}).
 *
 * @param maxWords the most words of a source that are read (default 300,000, about 30
 * hours of speech): a longer transcript is cut there, its summary says so, and what is
 * past the cap is never held in memory
 */
@ConfigurationProperties("sightline.source")
public record SourceProperties(@DefaultValue("300000") int maxWords) {
}
