package io.sightline.system;

import org.springframework.stereotype.Component;

/**
 * Who the current request acts for. Every task and summary has an owner and every query filters
 * by it; in single-user mode there is one owner, {@value #LOCAL}.
 */
@Component
public class Owners {

	public static final String LOCAL = "local";

	public String current() {
		return LOCAL;
	}

}
