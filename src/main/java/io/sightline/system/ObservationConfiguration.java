package io.sightline.system;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Progress polls are the hottest request by far (clients poll every task every few
 * seconds); an HTTP-server observation each costs a quarter of the throughput (measured
 * in docs/benchmarks.md), so they are left out of {@code http.server.requests}. Task
 * progress has its own metrics.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	@Bean
	ObservationPredicate noObservationForProgressPolls() {
		return (name,
				context) -> !(context instanceof ServerRequestObservationContext request
						&& "GET".equals(request.getCarrier().getMethod())
						&& request.getCarrier().getRequestURI().startsWith("/api/progress/")
						&& !request.getCarrier().getRequestURI().endsWith("/events"));
	}

}
