package io.sightline.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.sightline.system.SightlineFailure;

/**
 * A stage of a run went on past its budget ({@code sightline.pipeline.stage-budget.*})
 * and was stopped at its next step. Permanent: running it again would take as long.
 */
final class StageOverBudget extends SightlineFailure {

	static final String CODE = "task.over_budget";

	private StageOverBudget(Stage stage, Duration budget) {
		super(CODE,
				stage.doing() + " took longer than its budget of " + shortly(budget)
						+ ", so it was stopped; try a shorter part of the source or a faster model, or raise"
						+ " sightline.pipeline.stage-budget." + stage.metricName() + ".",
				false, null, null);
	}

	/**
	 * A stage's budget, counted from its start: before {@link #start()} nothing is
	 * checked, so progress objects made before the stage can check it.
	 */
	static final class Watch {

		private final Stage stage;

		private final Duration budget;

		private final Clock clock;

		private volatile Instant started;

		Watch(Stage stage, Duration budget, Clock clock) {
			this.stage = stage;
			this.budget = budget;
			this.clock = clock;
		}

		void start() {
			this.started = this.clock.instant();
		}

		/** Throws if the stage has used up its budget by now. */
		void check() {
			Instant start = this.started;
			if (start != null && this.budget != null
					&& Duration.between(start, this.clock.instant()).compareTo(this.budget) > 0) {
				throw new StageOverBudget(this.stage, this.budget);
			}
		}

	}

	private static String shortly(Duration budget) {
		if (budget.toHours() > 0 && budget.toMinutesPart() == 0 && budget.toSecondsPart() == 0) {
			return budget.toHours() + " h";
		}
		if (budget.toMinutes() > 0 && budget.toSecondsPart() == 0 && budget.toMillisPart() == 0) {
			return budget.toMinutes() + " min";
		}
		return String.format(Locale.ROOT, "%.1f s", budget.toMillis() / 1000.0);
	}

}
