package io.sightline.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Multi-user mode keeps web sign-in sessions in the database (tables from the V8 migration), so
 * every node behind a load balancer knows them. Single-user mode has no sessions, and no session
 * filter in front of every request either (Spring Boot's session auto-configuration is off).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sightline.security.mode", havingValue = "multi-user")
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = WebSessions.TWELVE_HOURS)
class WebSessions {

	static final int TWELVE_HOURS = 12 * 60 * 60;

}
