package io.sightline.account;

import java.time.Instant;
import java.util.UUID;

/** An API token as listed: never its value, which is shown once when it is created. */
public record ApiToken(UUID id, String user, String label, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean revoked() {
		return this.revokedAt != null;
	}

}
