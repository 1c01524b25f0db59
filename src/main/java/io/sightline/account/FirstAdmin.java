package io.sightline.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start in multi-user mode: creates the administrator named by
 * {@code sightline.security.admin.*} if there is no user of that name yet (the first
 * run), and says how to add users if there are none at all. The password is read from the
 * environment or a file and never logged.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final SecurityProperties properties;

	private final Accounts accounts;

	FirstAdmin(SecurityProperties properties, Accounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.multiUser()) {
			return;
		}
		SecurityProperties.Admin admin = this.properties.admin();
		if (admin.name() != null && !admin.name().isBlank() && this.accounts.user(admin.name()).isEmpty()) {
			String password = (admin.passwordFile() != null && !admin.passwordFile().isBlank())
					? Files.readString(Path.of(admin.passwordFile()), StandardCharsets.UTF_8).strip()
					: admin.password();
			if (password == null) {
				throw new IllegalStateException("sightline.security.admin.name is set but no password is; set"
						+ " SIGHTLINE_SECURITY_ADMIN_PASSWORD or SIGHTLINE_SECURITY_ADMIN_PASSWORD_FILE.");
			}
			this.accounts.addUser(admin.name(), password, true);
			log.info("Multi-user mode: created the administrator {}.", admin.name());
		}
		if (this.accounts.users().isEmpty()) {
			log.warn("Multi-user mode and no users yet: add one with `java -jar sightline.jar user add NAME --admin`,"
					+ " or start with SIGHTLINE_SECURITY_ADMIN_NAME and SIGHTLINE_SECURITY_ADMIN_PASSWORD set.");
		}
	}

}
