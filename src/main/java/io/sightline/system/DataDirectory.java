package io.sightline.system;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The embedded database's directory is its owner's alone ({@code rwx------}), made so
 * before the database opens: H2 creates its files readable by everyone the umask allows,
 * and they hold every user's summaries and password hashes. A directory owned by someone
 * else (a volume an administrator mounted) is left as it is. Registered in
 * {@code META-INF/spring.factories}, so it runs for the server and the command line
 * alike, before any bean.
 */
class DataDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		restrict(event.getEnvironment());
	}

	@Override
	public int getOrder() {
		// after logging is set up (LoggingApplicationListener, highest precedence + 20)
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	static void restrict(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "");
		String dir = environment.getProperty("sightline.data-dir", "");
		if (!url.startsWith("jdbc:h2:file:") || dir.isBlank()
				|| !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		Path path = Path.of(dir).toAbsolutePath();
		try {
			if (Files.notExists(path)) {
				Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else if (Files.getOwner(path).getName().equals(System.getProperty("user.name"))) {
				Files.setPosixFilePermissions(path, OWNER_ONLY);
			}
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			log.warn("The data dir {} could not be made readable by its owner only ({}); check its permissions.", path,
					ex.getMessage());
		}
	}

}
