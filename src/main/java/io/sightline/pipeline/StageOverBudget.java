package io.sightline.pipeline;

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

	/** Throws if the stage, started at {@code started}, has used up its budget by now. */
	static void check(Stage stage, Duration budget, Instant started, Instant now) {
		if (budget != null && Duration.between(started, now).compareTo(budget) > 0) {
			throw new StageOverBudget(stage, budget);
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
