package io.sightline.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the source cache ({@code sightline.cache.*}).
 *
 * @param ttl how long a cached video's details and transcripts are reused before they are
 * read again (default 7d; 0 turns the cache off)
 */
@ConfigurationProperties("sightline.cache")
record CacheProperties(@DefaultValue("7d") Duration ttl) {
}
