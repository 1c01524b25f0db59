package io.sightline.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security and caching headers of every answer, in both modes: no type sniffing
 * anywhere; API answers are not cached, the UI's page is revalidated, and its hashed
 * scripts and styles are kept for a year; pages (the UI) get a strict
 * Content-Security-Policy (no inline scripts, no framing) and a referrer policy. JSON
 * answers are never rendered, so they carry no page headers; Swagger UI, a third-party
 * page, gets a policy that allows its inline styles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeaders extends OncePerRequestFilter {

	/**
	 * The UI loads only its own scripts, styles and pictures (thumbnails are served by
	 * Sightline); the one frame it embeds is YouTube's privacy-enhanced player.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; frame-src https://www.youtube-nocookie.com; connect-src 'self'; font-src 'self';"
			+ " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The cache lifetime of the build's hashed files: a year, never revalidated. */
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		String path = request.getRequestURI();
		if (path.startsWith("/api/")) {
			response.setHeader("Cache-Control", "no-store");
		}
		else {
			// the build names its scripts and styles by their content: they never change
			response.setHeader("Cache-Control", path.startsWith("/assets/") ? IMMUTABLE : "no-cache");
			response.setHeader("Content-Security-Policy",
					path.startsWith("/swagger-ui/") ? API_DOCS_POLICY : CONTENT_SECURITY_POLICY);
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		}
		chain.doFilter(request, response);
	}

}
