package io.sightline.account;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.sightline.system.Digests;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users and their API tokens. Passwords are kept as Argon2id hashes; a token is 256
 * random bits, shown once, and kept as its SHA-256 (a fast hash is enough for a value
 * that cannot be guessed), so a database leak gives neither passwords nor tokens.
 */
@Service
public class Accounts {

	/** Names are what owners are: short, printable, and safe in logs and URLs. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	static final int MIN_PASSWORD_LENGTH = 10;

	static final int MAX_PASSWORD_LENGTH = 1000;

	static final String TOKEN_PREFIX = "sl_";

	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Checked against when a name is unknown, so a sign-in takes as long for a user who
	 * does not exist; a fixed hash, so that no start pays for making one.
	 */
	private static final String DECOY_HASH = "$argon2id$v=19$m=16384,t=2,p=1$E5VMEYUCc88enr1LsECckA$"
			+ "NBsOWx0S+njBSjaHqD2s9glvB81mjihddDGvSSd09j8";

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	public User addUser(String name, String password, boolean admin) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new AccountException(
					"'" + name + "' is not a valid user name; use up to 64 lower-case letters, digits,"
							+ " dots, dashes or underscores, starting with a letter or digit.");
		}
		checkPassword(password);
		Instant now = this.clock.instant();
		try {
			this.jdbc.sql("INSERT INTO users (name, password_hash, admin, created_at) VALUES (?, ?, ?, ?)")
				.params(name, this.passwords.encode(password), admin, at(now))
				.update();
		}
		catch (DuplicateKeyException exists) {
			throw new AccountException(AccountException.Reason.EXISTS,
					"A user named " + name + " already exists; choose another name.");
		}
		return new User(name, admin, now, null);
	}

	public Optional<User> user(String name) {
		return this.jdbc.sql("SELECT name, admin, created_at, disabled_at FROM users WHERE name = ?")
			.param(name)
			.query(Accounts::user)
			.optional();
	}

	public List<User> users() {
		return this.jdbc.sql("SELECT name, admin, created_at, disabled_at FROM users ORDER BY name")
			.query(Accounts::user)
			.list();
	}

	/**
	 * The user with this name and password, if both match and the user is not disabled.
	 */
	public Optional<User> authenticate(String name, String password) {
		Optional<String> hash = (name == null) ? Optional.empty()
				: this.jdbc.sql("SELECT password_hash FROM users WHERE name = ? AND disabled_at IS NULL")
					.param(name)
					.query(String.class)
					.optional();
		boolean matches = this.passwords.matches(String.valueOf(password), hash.orElse(DECOY_HASH));
		return (matches && hash.isPresent()) ? user(name) : Optional.empty();
	}

	/**
	 * Sets a user's password (an administrator's reset, or the user's own change) and
	 * ends their web sessions, on every node.
	 */
	public void setPassword(String name, String password) {
		checkPassword(password);
		int changed = this.jdbc.sql("UPDATE users SET password_hash = ? WHERE name = ?")
			.params(this.passwords.encode(password), name)
			.update();
		if (changed == 0) {
			throw noSuchUser(name);
		}
		endSessions(name);
	}

	/**
	 * Disables a user (they can no longer sign in, their tokens stop working and their
	 * web sessions end) or enables them again.
	 */
	public User setDisabled(String name, boolean disabled) {
		int changed = this.jdbc.sql("UPDATE users SET disabled_at = ? WHERE name = ?")
			.params(disabled ? at(this.clock.instant()) : null, name)
			.update();
		if (changed == 0) {
			throw noSuchUser(name);
		}
		if (disabled) {
			endSessions(name);
		}
		return user(name).orElseThrow(() -> noSuchUser(name));
	}

	/**
	 * Whether the user's password is this one (for a change that asks for the old one).
	 */
	public boolean passwordMatches(String name, String password) {
		return authenticate(name, password).isPresent();
	}

	private void endSessions(String name) {
		this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(name).update();
	}

	private static AccountException noSuchUser(String name) {
		return new AccountException(AccountException.Reason.NOT_FOUND,
				"There is no user named " + name + "; list the users to check the name.");
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException(
					"The password is too short; use at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (password.length() > MAX_PASSWORD_LENGTH) {
			throw new AccountException("The password is too long; use at most " + MAX_PASSWORD_LENGTH + " characters.");
		}
	}

	public NewToken createToken(String userName, String label) {
		User user = user(userName).orElseThrow(() -> new AccountException(
				"There is no user named " + userName + "; add them first with: sightline user add " + userName));
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String value = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO api_tokens (id, user_name, label, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, user.name(), (label == null || label.isBlank()) ? "token" : label.strip(),
					Digests.sha256(value), at(this.clock.instant()))
			.update();
		return new NewToken(id, user.name(), value);
	}

	/** Revokes a token; it stops working at once, on every node. */
	public ApiToken revokeToken(UUID id) {
		int changed = this.jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(at(this.clock.instant()), id)
			.update();
		ApiToken token = token(id).orElseThrow(() -> new AccountException(AccountException.Reason.NOT_FOUND,
				"There is no token " + id + "; list a user's tokens with: sightline token list --user NAME"));
		if (changed == 0 && !token.revoked()) {
			throw new AccountException("Token " + id + " could not be revoked; try again.");
		}
		return token;
	}

	public Optional<ApiToken> token(UUID id) {
		return this.jdbc
			.sql("SELECT id, user_name, label, created_at, last_used_at, revoked_at FROM api_tokens WHERE id = ?")
			.param(id)
			.query(Accounts::token)
			.optional();
	}

	public List<ApiToken> tokens(String userName) {
		return this.jdbc
			.sql("SELECT id, user_name, label, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_name = ?"
					+ " ORDER BY created_at")
			.param(userName)
			.query(Accounts::token)
			.list();
	}

	/**
	 * The user a token belongs to, if the token exists and is not revoked. Its last use
	 * is written at most once a minute, so a program polling with it does not write on
	 * every request.
	 */
	public Optional<User> authenticateToken(String value) {
		if (value == null || !value.startsWith(TOKEN_PREFIX) || value.length() > 100) {
			return Optional.empty();
		}
		String hash = Digests.sha256(value);
		Optional<TokenUse> use = this.jdbc.sql(
				"SELECT u.name, u.admin, u.created_at, u.disabled_at, t.last_used_at FROM api_tokens t JOIN users u ON u.name = t.user_name"
						+ " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL")
			.param(hash)
			.query((rs, row) -> new TokenUse(user(rs, row), instant(rs, "last_used_at")))
			.optional();
		Instant now = this.clock.instant();
		use.filter((found) -> found.lastUsed() == null || found.lastUsed().isBefore(now.minus(LAST_USE_PRECISION)))
			.ifPresent((stale) -> this.jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?")
				.params(at(now), hash)
				.update());
		return use.map(TokenUse::user);
	}

	/** A token's user and when the token was last used. */
	private record TokenUse(User user, Instant lastUsed) {
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static User user(ResultSet rs, int row) throws SQLException {
		return new User(rs.getString("name"), rs.getBoolean("admin"), instant(rs, "created_at"),
				instant(rs, "disabled_at"));
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("user_name"), rs.getString("label"),
				instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

}
