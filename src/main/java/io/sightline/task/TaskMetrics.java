package io.sightline.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code sightline.tasks{status=…}}: tasks by status, read from the database at most once
 * a second.
 */
@Component
class TaskMetrics {

	private final Tasks tasks;

	private final Clock clock;

	private Map<TaskStatus, Long> counts;

	private Instant readAt = Instant.MIN;

	TaskMetrics(Tasks tasks, Clock clock, MeterRegistry registry) {
		this.tasks = tasks;
		this.clock = clock;
		for (TaskStatus status : TaskStatus.values()) {
			Gauge.builder("sightline.tasks", this, (metrics) -> metrics.count(status))
				.description("Tracked tasks by status")
				.tag("status", status.value())
				.register(registry);
		}
	}

	private synchronized double count(TaskStatus status) {
		Instant now = this.clock.instant();
		if (this.counts == null || Duration.between(this.readAt, now).compareTo(Duration.ofSeconds(1)) > 0) {
			this.counts = this.tasks.countByStatus();
			this.readAt = now;
		}
		return this.counts.getOrDefault(status, 0L);
	}

}
