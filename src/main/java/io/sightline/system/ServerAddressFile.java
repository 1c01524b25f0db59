package io.sightline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A server on the embedded database writes its local address into the data dir
 * ({@code server.address}) while it runs, so the command line, which cannot open a
 * database the server holds, knows where to ask instead.
 */
@Component
class ServerAddressFile {

	static final String NAME = "server.address";

	private static final Logger log = LoggerFactory.getLogger(ServerAddressFile.class);

	private final Environment environment;

	private Path written;

	ServerAddressFile(Environment environment) {
		this.environment = environment;
	}

	@EventListener
	void started(WebServerInitializedEvent event) {
		String url = this.environment.getProperty("spring.datasource.url", "");
		String dir = this.environment.getProperty("sightline.data-dir", "");
		if (!url.startsWith("jdbc:h2:file:") || dir.isBlank() || event.getWebServer().getPort() <= 0) {
			return;
		}
		Path file = Path.of(dir).resolve(NAME);
		try {
			Files.writeString(file, "http://127.0.0.1:" + event.getWebServer().getPort() + "\n",
					StandardCharsets.UTF_8);
			this.written = file;
		}
		catch (IOException ex) {
			log.debug("Could not write {}: {}", file, ex.getMessage());
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopped() {
		if (this.written != null) {
			try {
				Files.deleteIfExists(this.written);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}: {}", this.written, ex.getMessage());
			}
		}
	}

}
