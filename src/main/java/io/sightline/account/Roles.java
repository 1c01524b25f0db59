package io.sightline.account;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a signed-in user may do: every user is a {@code USER}; an administrator also an
 * {@code ADMIN}.
 */
final class Roles {

	static final String ADMIN = "ADMIN";

	private Roles() {
	}

	/** Whether the signed-in caller is an administrator. */
	static boolean isAdmin(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_" + ADMIN));
	}

	static List<GrantedAuthority> of(User user) {
		return user.admin()
				? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_" + ADMIN))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

}
