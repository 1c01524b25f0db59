package io.sightline.system;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves HTTP through {@link GuardedNioProtocol} with the {@link ConnectionLimits}, and
 * counts the connections it closes ({@code sightline.http.connections.closed}, by
 * reason).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionGuard {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> guardedConnections(ConnectionLimits limits,
			ObjectProvider<MeterRegistry> meters) {
		return (factory) -> {
			factory.setProtocol(GuardedNioProtocol.class.getName());
			factory.addConnectorCustomizers((connector) -> {
				if (connector.getProtocolHandler() instanceof GuardedNioProtocol protocol) {
					protocol.limit(limits);
					meters.ifAvailable((registry) -> {
						FunctionCounter
							.builder("sightline.http.connections.closed", protocol, GuardedNioProtocol::closedLate)
							.tag("reason", "header_deadline")
							.description("Connections closed because their request headers were not in by the deadline")
							.register(registry);
						FunctionCounter
							.builder("sightline.http.connections.closed", protocol,
									GuardedNioProtocol::refusedOverLimit)
							.tag("reason", "per_address_limit")
							.description("Connections refused because their address held its most already")
							.register(registry);
					});
				}
			});
		};
	}

}
