package io.sightline.account;

import java.time.Instant;

/**
 * A user of a multi-user server; their name is the owner of their tasks and summaries. A
 * disabled user ({@code disabledAt} set) can neither sign in nor use their tokens.
 */
public record User(String name, boolean admin, Instant createdAt, Instant disabledAt) {

	public boolean disabled() {
		return this.disabledAt != null;
	}

}
