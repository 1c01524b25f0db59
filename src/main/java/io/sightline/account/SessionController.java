package io.sightline.account;

import java.util.Optional;

import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web UI's sign-in: who is signed in, signing in with a name and password (a session
 * cookie, with CSRF protection for everything the session then sends), signing out. In
 * single-user mode everyone is the one local owner and there is nothing to sign into.
 */
@Tag(name = "Accounts")
@RestController
@RequestMapping("/api/session")
class SessionController {

	record Login(String name, String password) {

		boolean wellFormed() {
			return this.name != null && this.password != null && this.name.length() <= 100
					&& this.password.length() <= 1000;
		}

	}

	record Session(String name, boolean admin, String mode) {
	}

	private final SecurityProperties properties;

	private final Accounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SignInThrottle throttle;

	SessionController(SecurityProperties properties, Accounts accounts, SignInThrottle throttle) {
		this.properties = properties;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Operation(summary = "Who is signed in, and the server's mode.")
	@GetMapping
	Session current() {
		if (!this.properties.multiUser()) {
			return new Session(Owners.LOCAL, true, "single-user");
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, SecurityConfiguration.SIGN_IN);
		}
		return new Session(authentication.getName(), Roles.isAdmin(authentication), "multi-user");
	}

	@Operation(
			summary = "Signs in to the web app (multi-user mode); slowed down with 429 and Retry-After after wrong passwords.")
	@PostMapping
	Session signIn(@RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
		if (!this.properties.multiUser()) {
			throw ApiException.badRequest("This server runs in single-user mode, which has no sign-in; just use it.");
		}
		if (!login.wellFormed()) {
			throw ApiException
				.badRequest("Sign in with both a name (at most 100 characters) and a password (at most" + " 1,000).");
		}
		String address = request.getRemoteAddr();
		this.throttle.wait(login.name(), address).ifPresent((wait) -> {
			throw ApiException.tooManyRequests(
					"Too many wrong passwords; wait " + Math.max(1, wait.toSeconds()) + " s before you try again.",
					wait);
		});
		Optional<User> found = this.accounts.authenticate(login.name(), login.password());
		if (found.isEmpty()) {
			this.throttle.failed(login.name(), address);
			throw new ApiException(HttpStatus.UNAUTHORIZED,
					"The name or the password is wrong; check both and try again.");
		}
		this.throttle.succeeded(login.name());
		User user = found.get();
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.name(), null, Roles.of(user)));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return new Session(user.name(), user.admin(), "multi-user");
	}

	@Operation(summary = "Signs out of the web app.")
	@DeleteMapping
	ResponseEntity<Void> signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

}
