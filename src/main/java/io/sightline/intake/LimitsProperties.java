package io.sightline.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on creating summaries ({@code sightline.limits.*}). The per-user ones apply in
 * multi-user mode (in single-user mode the one user owns the machine); the queue limit
 * always.
 *
 * @param tasksPerMinute summaries a user may start per minute, in bursts of as many
 * (default 30; 0: no limit); counted per node
 * @param runningPerUser summaries of one user processing at once (default 5; 0: no limit)
 * @param queueSize summaries processing at once on the whole cluster, queued or running;
 * past it new ones are refused with 503 (default 1000; 0: no limit)
 */
@ConfigurationProperties("sightline.limits")
record LimitsProperties(@DefaultValue("30") int tasksPerMinute, @DefaultValue("5") int runningPerUser,
		@DefaultValue("1000") int queueSize) {
}
