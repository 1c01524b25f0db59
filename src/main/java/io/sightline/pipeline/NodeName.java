package io.sightline.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name this process goes by in the job table ({@code picked_by}), so a job can be
 * traced to the node running it: {@code sightline.node-name} when set, else the host, the
 * process id and a few random characters — distinct for every process, and for two nodes
 * in one process.
 */
@Component
class NodeName implements DbSchedulerCustomizer {

	private final String name;

	NodeName(@Value("${sightline.node-name:}") String configured) {
		this.name = configured.isBlank() ? generated() : configured.strip();
	}

	String name() {
		return this.name;
	}

	@Override
	public Optional<SchedulerName> schedulerName() {
		return Optional.of(new SchedulerName.Fixed(this.name));
	}

	private static String generated() {
		byte[] random = new byte[2];
		new SecureRandom().nextBytes(random);
		return host() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
	}

	private static String host() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment.strip();
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

}
