package io.sightline.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of who may use the server ({@code sightline.security.*}).
 *
 * @param mode {@code single-user} (default: no login, one owner) or {@code multi-user}
 * (each user's tasks and summaries are theirs alone; web login and API tokens)
 * @param admin an administrator to create at start in multi-user mode if no user of that
 * name exists yet (for the first run), from the environment:
 * {@code SIGHTLINE_SECURITY_ADMIN_NAME} with {@code SIGHTLINE_SECURITY_ADMIN_PASSWORD} or
 * {@code SIGHTLINE_SECURITY_ADMIN_PASSWORD_FILE}
 */
@ConfigurationProperties("sightline.security")
public record SecurityProperties(@DefaultValue("single-user") SecurityMode mode, @DefaultValue Admin admin) {

	public boolean multiUser() {
		return this.mode == SecurityMode.MULTI_USER;
	}

	/**
	 * The first administrator.
	 *
	 * @param name the user name (none: no administrator is created)
	 * @param password the password
	 * @param passwordFile a file holding the password (for container secrets)
	 */
	public record Admin(String name, String password, String passwordFile) {
	}

}
