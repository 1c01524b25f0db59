package io.sightline.account;

import java.io.IOException;

import io.sightline.system.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. Single-user mode: no sign-in, everything is the local owner's.
 * Multi-user mode: the API needs a signed-in user (a session from the web UI's sign-in,
 * with CSRF protection, or an API token); the UI's files, the sign-in itself, health and
 * the API description are public. Both modes send the same security headers
 * ({@link SecurityHeaders}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** What a request that needs a signed-in user and has none is told. */
	static final String SIGN_IN = "Sign in first: log in to the web UI, or send an API token as"
			+ " 'Authorization: Bearer <token>' (create one with: sightline token create --user NAME).";

	/**
	 * A request the firewall refuses (an encoded slash or percent sign, say) gets Problem
	 * Details too.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
		return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST,
				"The request's address has characters that are not allowed here (such as an encoded slash, percent"
						+ " sign or dot segment); send ids and paths as the API describes them.");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2Passwords();
	}

	@Bean
	SecurityFilterChain securityFilterChain(ObjectProvider<HttpSecurity> builder, SecurityProperties properties,
			Accounts accounts, ProblemResponses problems) throws Exception {
		if (!properties.multiUser()) {
			// nobody signs in: no filter of the chain applies (the firewall in front of
			// it still
			// does), and the builder with its default configuration is not even made
			return new DefaultSecurityFilterChain((request) -> false);
		}
		HttpSecurity http = builder.getObject();
		// the headers come from SecurityHeaders, the same in both modes
		http.headers((headers) -> headers.disable());
		http.requestCache((cache) -> cache.disable());
		http.formLogin((form) -> form.disable());
		http.httpBasic((basic) -> basic.disable());
		http.logout((logout) -> logout.disable());
		http.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
			// programs sending a token are not browsers riding on a cookie, and a request
			// without a
			// session has no sign-in to forge (it is answered 401); signing in itself is
			// protected
			.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null
					|| (request.getRequestedSessionId() == null && !request.getRequestURI().equals("/api/session"))));
		http.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
		http.addFilterBefore(new BearerTokenFilter(accounts, problems), AnonymousAuthenticationFilter.class);
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
					.permitAll()
					.requestMatchers("/api/session")
					.permitAll()
					.requestMatchers("/api/**")
					.authenticated()
					.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole(Roles.ADMIN)
					.anyRequest()
					.permitAll());
		http.exceptionHandling((exceptions) -> exceptions
			.authenticationEntryPoint((request, response, failure) -> problems.write(response, HttpStatus.UNAUTHORIZED,
					SecurityConfiguration.SIGN_IN))
			.accessDeniedHandler((request, response, denied) -> problems
				.write(response, HttpStatus.FORBIDDEN, (denied instanceof CsrfException)
						? "The request lacks its CSRF token; reload the page and try again (programs should send an API token instead)."
						: "Only an administrator may do this; ask one, or sign in as one.")));
		return http.build();
	}

	/**
	 * Makes the CSRF token's cookie part of every response, so the web UI has it before
	 * its first change (tokens are otherwise made only when asked for).
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
