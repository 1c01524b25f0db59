package io.sightline.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of progress push ({@code sightline.progress.*}).
 *
 * @param keepAlive how often an idle SSE stream gets a comment line, so proxies keep it
 * open (default 15s)
 * @param streamTimeout how long one SSE response may stay open before the server closes
 * it; a client reconnects with {@code Last-Event-ID} and misses nothing (default 30m)
 * @param slowReaderBuffer how much one SSE client that does not read may have waiting for
 * it before the server drops its stream (it resumes with {@code Last-Event-ID}); nobody
 * else ever waits for it (default 64KB)
 */
@ConfigurationProperties("sightline.progress")
record ProgressProperties(@DefaultValue("15s") Duration keepAlive, @DefaultValue("30m") Duration streamTimeout,
		@DefaultValue("64KB") DataSize slowReaderBuffer) {
}
