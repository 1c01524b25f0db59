package io.sightline.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one client's connections may hold of the server
 * ({@code sightline.http.*}).
 *
 * @param headerDeadline the longest a request's line and headers may take to arrive,
 * counted from their first byte; a connection still sending them then is closed (default
 * 10 s; Tomcat's {@code connection-timeout} only bounds the wait between two reads, so a
 * client sending a header line every few seconds would otherwise hold its connection
 * forever)
 * @param maxConnectionsPerAddress the most connections one client address may hold at
 * once; one more is closed as it is accepted (default 256; 0 for no limit). Behind a
 * reverse proxy every connection comes from the proxy: set it to 0 there and limit
 * clients in the proxy
 */
@ConfigurationProperties("sightline.http")
public record ConnectionLimits(@DefaultValue("10s") Duration headerDeadline,
		@DefaultValue("256") int maxConnectionsPerAddress) {
}
