package io.sightline.task;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks.RecurringTaskBuilder;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Removes finished tasks' progress records once they are older than the retention. It is
 * a recurring job of the job engine, so it runs on one node of a cluster at a time.
 */
@Configuration(proxyBeanMethods = false)
class TaskExpiry {

	private static final Logger log = LoggerFactory.getLogger(TaskExpiry.class);

	@Bean
	RecurringTask<Void> expireFinishedTasks(Tasks tasks, TaskProperties properties, Clock clock) {
		RecurringTaskBuilder<Void> builder = com.github.kagkarlsson.scheduler.task.helper.Tasks
			.recurring("expire-finished-tasks", FixedDelay.of(properties.expiryInterval()));
		return builder.execute((instance, context) -> {
			int removed = tasks.expireFinishedBefore(clock.instant().minus(properties.retention()));
			if (removed > 0) {
				log.info("Removed {} finished task record(s) older than {}", removed, properties.retention());
			}
		});
	}

}
