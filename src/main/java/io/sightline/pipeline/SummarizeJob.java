package io.sightline.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The summarization job on db-scheduler: one execution per task, keyed by the task id, so
 * the job engine runs it on exactly one node and runs it again after that node dies.
 */
@Configuration(proxyBeanMethods = false)
public class SummarizeJob {

	static final String NAME = "summarize";

	/**
	 * When the job cannot even record its outcome (the database is down), it is tried
	 * again this much later.
	 */
	static final Duration OUTCOME_NOT_RECORDED_RETRY = Duration.ofSeconds(30);

	@Bean
	CustomTask<Void> summarizeTask(SummarizePipeline pipeline) {
		return Tasks.custom(NAME, Void.class)
			.onDeadExecutionRevive()
			.onFailure(new FailureHandler.OnFailureRetryLater<>(OUTCOME_NOT_RECORDED_RETRY))
			.execute((instance, context) -> {
				Optional<Instant> again = pipeline.run(UUID.fromString(instance.getId()));
				if (again.isEmpty()) {
					return new CompletionHandler.OnCompleteRemove<>();
				}
				return (complete, operations) -> operations.reschedule(complete, again.get());
			});
	}

	@Bean
	JobQueue jobQueue(ObjectProvider<CustomTask<Void>> summarizeTask, ObjectProvider<Scheduler> scheduler,
			Clock clock) {
		return new JobQueue(summarizeTask, scheduler, clock);
	}

	/**
	 * Puts tasks on the job engine; joins the caller's transaction and wakes a worker
	 * once it commits.
	 */
	public static class JobQueue {

		private final ObjectProvider<CustomTask<Void>> summarizeTask;

		private final ObjectProvider<Scheduler> scheduler;

		private final Clock clock;

		JobQueue(ObjectProvider<CustomTask<Void>> summarizeTask, ObjectProvider<Scheduler> scheduler, Clock clock) {
			this.summarizeTask = summarizeTask;
			this.scheduler = scheduler;
			this.clock = clock;
		}

		public void enqueue(UUID taskId) {
			Scheduler engine = this.scheduler.getObject();
			engine.schedule(this.summarizeTask.getObject().instance(taskId.toString()), this.clock.instant());
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						engine.triggerCheckForDueExecutions();
					}
				});
			}
			else {
				engine.triggerCheckForDueExecutions();
			}
		}

	}

}
