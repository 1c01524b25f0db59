package io.sightline.account;

import java.util.UUID;

/** A token just created: its id (to revoke it) and its value, shown this once. */
public record NewToken(UUID id, String user, String value) {
}
