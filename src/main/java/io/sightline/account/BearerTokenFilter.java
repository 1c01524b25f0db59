package io.sightline.account;

import java.io.IOException;
import java.util.Optional;

import io.sightline.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>}: a valid token
 * makes the request its user's; an unknown or revoked one is answered 401 at once, so a
 * program never acts anonymously by mistake. The token itself is never logged.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final Accounts accounts;

	private final ProblemResponses problems;

	BearerTokenFilter(Accounts accounts, ProblemResponses problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<User> user = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				? this.accounts.authenticateToken(header.substring(BEARER.length()).strip()) : Optional.empty();
		if (user.isEmpty()) {
			this.problems.write(response, HttpStatus.UNAUTHORIZED,
					"The API token is unknown or revoked; create a new one with: sightline token create --user NAME.");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get().name(), null, Roles.of(user.get())));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
