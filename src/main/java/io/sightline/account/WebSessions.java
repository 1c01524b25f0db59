package io.sightline.account;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Multi-user mode keeps web sign-in sessions in the database (tables from the V8
 * migration), so every node behind a load balancer knows them. Single-user mode has no
 * sessions, and no session filter in front of every request either: the filter is always
 * defined (the build's ahead-of-time processing fixes the bean definitions) but
 * registered only in multi-user mode.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = WebSessions.TWELVE_HOURS)
class WebSessions {

	static final int TWELVE_HOURS = 12 * 60 * 60;

	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
			SessionRepositoryFilter<?> filter, SecurityProperties properties) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		registration.setEnabled(properties.multiUser());
		return registration;
	}

}
