package io.sightline.task;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import io.sightline.account.SecurityProperties;
import io.sightline.system.Owners;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code GET /api/progress/{id}} from the state this node holds, with the JSON
 * rendered once per state, without the MVC dispatch, argument resolution and message
 * conversion a poll otherwise pays for (most of its cost: docs/benchmarks.md). It answers
 * only a 200 it can give from memory; anything else — a state not held here, another
 * user's task, a malformed id, a client that does not take JSON — goes on to
 * {@link ProgressController}, so the contract and its errors live in one place.
 * <p>
 * Where it stands among the filters: in multi-user mode after all of them, so the caller
 * is authenticated; in single-user mode, where nobody signs in, right after the security
 * headers (they are on every answer either way). The security chain matches nothing
 * there, and its firewall has nothing to refuse in a path that is exactly the prefix and
 * a valid id (hex digits and dashes); every other path still meets it.
 */
@Component
class ProgressPolls extends OncePerRequestFilter implements Ordered {

	/**
	 * Just after the security headers ({@code account.SecurityHeaders}, highest
	 * precedence + 10).
	 */
	private static final int SINGLE_USER_ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

	private static final String PREFIX = "/api/progress/";

	private static final int UUID_LENGTH = 36;

	private final TaskViews views;

	private final Owners owners;

	private final int order;

	ProgressPolls(TaskViews views, Owners owners, SecurityProperties security) {
		this.views = views;
		this.owners = owners;
		this.order = security.multiUser() ? Ordered.LOWEST_PRECEDENCE - 10 : SINGLE_USER_ORDER;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !takesJson(request.getHeader("Accept"))
				|| taskId(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<byte[]> state = taskId(request).flatMap((id) -> this.views.findJson(id, this.owners.current()));
		if (state.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = state.get();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static Optional<UUID> taskId(HttpServletRequest request) {
		String path = request.getRequestURI();
		int start = request.getContextPath().length() + PREFIX.length();
		if (path.length() != start + UUID_LENGTH || !path.startsWith(PREFIX, start - PREFIX.length())) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(path.substring(start)));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	private static boolean takesJson(String accept) {
		return accept == null || accept.isBlank() || accept.contains("*/*") || accept.contains("application/json")
				|| accept.contains("application/*");
	}

}
