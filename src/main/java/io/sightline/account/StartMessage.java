package io.sightline.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start who can reach the server: in single-user mode, this machine only unless
 * told otherwise.
 */
@Component
class StartMessage implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartMessage.class);

	private final SecurityProperties properties;

	private final Environment environment;

	StartMessage(SecurityProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String address = this.environment.getProperty("server.address", "0.0.0.0");
		int port = event.getWebServer().getPort();
		if (this.properties.multiUser()) {
			log.info("Multi-user mode: sign-in required; listening on {}:{}.", address, port);
		}
		else if (address.equals("127.0.0.1") || address.equals("localhost") || address.equals("::1")) {
			log.info(
					"Single-user mode: no sign-in, listening on http://{}:{}/ for this machine only; to serve"
							+ " others, set sightline.security.mode=multi-user and server.address=0.0.0.0.",
					address, port);
		}
		else {
			log.warn(
					"Single-user mode: no sign-in, and listening on {}:{} where others may reach it; anyone who"
							+ " can connect can use it (set sightline.security.mode=multi-user to require sign-in).",
					address, port);
		}
	}

}
