package io.sightline.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.sightline.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and tokens over HTTP, for the web app and for the command line while the server
 * runs (multi-user mode): administrators manage users and anyone's tokens, every user
 * their own tokens and password.
 */
@Tag(name = "Accounts")
@RestController
class AccountsController {

	private final Accounts accounts;

	private final SecurityProperties properties;

	AccountsController(Accounts accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	/** A user as listed: never their password. */
	record UserView(String name, boolean admin, boolean disabled, Instant createdAt, Instant disabledAt) {

		static UserView of(User user) {
			return new UserView(user.name(), user.admin(), user.disabled(), user.createdAt(), user.disabledAt());
		}

	}

	/** A new user: {@code {"name", "password", "admin"}}. */
	record NewUser(String name, String password, Boolean admin) {
	}

	/** A change to a user: {@code {"disabled"}} and/or {@code {"password"}} (a reset). */
	record UserChange(Boolean disabled, String password) {
	}

	/**
	 * A new token: {@code {"label"}}, and {@code "user"} for an administrator's token for
	 * another.
	 */
	record TokenRequest(String label, String user) {
	}

	/**
	 * The caller's new password, with their current one: {@code {"current", "password"}}.
	 */
	record PasswordChange(String current, String password) {
	}

	@Operation(summary = "The users (administrators only).")
	@GetMapping("/api/users")
	List<UserView> users() {
		requireAdmin();
		return this.accounts.users().stream().map(UserView::of).toList();
	}

	@Operation(summary = "Adds a user (administrators only).")
	@PostMapping("/api/users")
	ResponseEntity<UserView> addUser(@RequestBody NewUser user) {
		requireAdmin();
		if (user == null || user.name() == null) {
			throw ApiException.badRequest("Send {\"name\": ..., \"password\": ..., \"admin\": false} to add a user.");
		}
		User added = refusedAsProblem(
				() -> this.accounts.addUser(user.name(), user.password(), Boolean.TRUE.equals(user.admin())));
		return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(added));
	}

	@Operation(summary = "Disables, enables or resets the password of a user (administrators only).")
	@PatchMapping("/api/users/{name}")
	UserView changeUser(@PathVariable String name, @RequestBody UserChange change) {
		String caller = requireAdmin();
		if (change == null || (change.disabled() == null && change.password() == null)) {
			throw ApiException
				.badRequest("Send {\"disabled\": true|false} or {\"password\": \"...\"} to change a user.");
		}
		if (Boolean.TRUE.equals(change.disabled()) && name.equals(caller)) {
			throw ApiException.badRequest("You cannot disable yourself; ask another administrator.");
		}
		return refusedAsProblem(() -> {
			if (change.password() != null) {
				this.accounts.setPassword(name, change.password());
			}
			User user = (change.disabled() != null) ? this.accounts.setDisabled(name, change.disabled())
					: this.accounts.user(name).orElseThrow();
			return UserView.of(user);
		});
	}

	/** The caller's tokens; an administrator may ask for another user's. */
	@Operation(summary = "The caller's API tokens (an administrator may ask for another user's); never their values.")
	@GetMapping("/api/tokens")
	List<ApiToken> tokens(@RequestParam(required = false) String user) {
		return this.accounts.tokens(whose(user));
	}

	/** Makes a token; its value is in this answer only. */
	@Operation(summary = "Makes an API token; its value is in this answer only.")
	@PostMapping("/api/tokens")
	ResponseEntity<NewToken> createToken(@RequestBody(required = false) TokenRequest request) {
		String user = whose((request != null) ? request.user() : null);
		String label = (request != null) ? request.label() : null;
		if (label != null && label.length() > 100) {
			throw ApiException.badRequest("A token's label has at most 100 characters; choose a shorter one.");
		}
		NewToken token = refusedAsProblem(() -> this.accounts.createToken(user, label));
		return ResponseEntity.status(HttpStatus.CREATED).body(token);
	}

	@Operation(summary = "Revokes an API token; it stops working at once, on every node.")
	@DeleteMapping("/api/tokens/{id}")
	ApiToken revokeToken(@PathVariable UUID id) {
		requireMultiUser();
		ApiToken token = this.accounts.token(id)
			.filter((found) -> found.user().equals(caller()) || isAdmin())
			.orElseThrow(() -> ApiException.notFound("There is no token " + id + " of yours; list your tokens."));
		return refusedAsProblem(() -> this.accounts.revokeToken(token.id()));
	}

	@Operation(summary = "Changes the caller's password, given the current one.")
	@PutMapping("/api/session/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
		requireMultiUser();
		String name = caller();
		if (change == null || change.current() == null || change.current().length() > Accounts.MAX_PASSWORD_LENGTH
				|| !this.accounts.passwordMatches(name, change.current())) {
			throw ApiException.badRequest("The current password is wrong; type it again.");
		}
		refusedAsProblem(() -> {
			this.accounts.setPassword(name, change.password());
			return null;
		});
		return ResponseEntity.noContent().build();
	}

	/**
	 * The user whose tokens are meant: the caller's own, or another's for an
	 * administrator.
	 */
	private String whose(String user) {
		requireMultiUser();
		String caller = caller();
		if (user == null || user.isBlank() || user.equals(caller)) {
			return caller;
		}
		requireAdmin();
		if (this.accounts.user(user).isEmpty()) {
			throw ApiException.notFound("There is no user named " + user + "; list the users to check the name.");
		}
		return user;
	}

	private String requireAdmin() {
		requireMultiUser();
		if (!isAdmin()) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"Only an administrator may do this; ask one, or sign in as one.");
		}
		return caller();
	}

	private void requireMultiUser() {
		if (!this.properties.multiUser()) {
			throw new ApiException(HttpStatus.CONFLICT, "This server runs in single-user mode, which has no users or"
					+ " tokens; start it with sightline.security.mode=multi-user to have them.");
		}
	}

	private static String caller() {
		return SecurityContextHolder.getContext().getAuthentication().getName();
	}

	private static boolean isAdmin() {
		return Roles.isAdmin(SecurityContextHolder.getContext().getAuthentication());
	}

	private static <T> T refusedAsProblem(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (AccountException refused) {
			HttpStatus status = switch (refused.reason()) {
				case NOT_FOUND -> HttpStatus.NOT_FOUND;
				case EXISTS -> HttpStatus.CONFLICT;
				case INVALID -> HttpStatus.BAD_REQUEST;
			};
			throw new ApiException(status, refused.getMessage());
		}
	}

}
