package io.sightline.account;

import java.time.Instant;

/**
 * A user of a multi-user server; their name is the owner of their tasks and summaries.
 */
public record User(String name, boolean admin, Instant createdAt) {
}
