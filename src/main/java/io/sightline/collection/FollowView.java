package io.sightline.collection;

import java.time.Instant;
import java.util.UUID;

/**
 * A followed channel or feed as its owner sees it: {@code GET /api/follows}.
 * {@code lastError} is the sentence of the last check that failed (null once one
 * succeeds); {@code latestCollectionId} the collection its last new items went to.
 */
public record FollowView(UUID id, String url, String title, boolean paused, Instant createdAt, Instant checkedAt,
		Instant nextCheckAt, String lastError, int collections, UUID latestCollectionId) {

}
