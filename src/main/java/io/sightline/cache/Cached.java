package io.sightline.cache;

import java.time.Instant;

/** A value read from the cache and when its source was read. */
public record Cached<T>(T value, Instant fetchedAt) {
}
