package io.sightline.system;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who the current request acts for. Every task and summary has an owner and every query
 * filters by it: in single-user mode the one owner {@value #LOCAL}; in multi-user mode
 * the signed-in user (the API is closed to anyone else, see
 * {@code account.SecurityConfiguration}).
 */
@Component
public class Owners {

	public static final String LOCAL = "local";

	public String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return LOCAL;
		}
		return authentication.getName();
	}

}
