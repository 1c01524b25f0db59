package io.sightline.task;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of task tracking ({@code sightline.tasks.*}).
 *
 * @param retention how long a finished task's progress record is kept before expiry
 * removes it; summaries are never removed by expiry (default 1h)
 * @param expiryInterval how often the cluster-wide expiry job runs (default 1m)
 * @param maxAttempts how many times a task is tried when it meets transient failures
 * (default 3)
 * @param writeInterval the least time between two progress writes of one task within a
 * stage; stage starts and endings are always written at once (default 250ms)
 * @param viewCacheSize how many tasks' latest states this node keeps in memory to answer
 * progress polls without the database (default 10000; 0 turns it off)
 */
@ConfigurationProperties("sightline.tasks")
record TaskProperties(@DefaultValue("1h") Duration retention, @DefaultValue("1m") Duration expiryInterval,
		@DefaultValue("3") int maxAttempts, @DefaultValue("250ms") Duration writeInterval,
		@DefaultValue("10000") int viewCacheSize) {

	public TaskProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("sightline.tasks.max-attempts must be at least 1: " + maxAttempts);
		}
	}

}
