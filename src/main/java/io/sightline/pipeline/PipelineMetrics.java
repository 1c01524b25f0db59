package io.sightline.pipeline;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/** Stage durations, retries and outcomes of summarization jobs. */
@Component
class PipelineMetrics {

	private final MeterRegistry registry;

	PipelineMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void stageTook(Stage stage, String worker, Duration duration) {
		Timer.builder("sightline.stage.duration")
			.description("Time spent in each pipeline stage")
			.tag("stage", stage.metricName())
			.tag("worker", worker)
			.register(this.registry)
			.record(duration);
	}

	void retried(boolean transientFailure) {
		Counter.builder("sightline.task.retries")
			.description("Attempts scheduled again after a transient failure")
			.register(this.registry)
			.increment();
	}

	void finished(String outcome) {
		Counter.builder("sightline.task.finished")
			.description("Jobs that ended, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
