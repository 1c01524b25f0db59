package io.sightline.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.sightline.collection.Follows;
import io.sightline.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the checks of the follows that are due, every
 * {@code sightline.follow.check-every}: a recurring job of the job engine, so one node of
 * a cluster at a time. A check is a collection of the follow's, made here without any
 * network call; its task reads the list and takes only the items none of the follow's
 * collections took (with nothing new, no collection is kept). A check that cannot be made
 * (the owner at a limit) keeps the sentence with the follow and is tried again sooner.
 */
@Configuration(proxyBeanMethods = false)
class FollowChecks {

	private static final Logger log = LoggerFactory.getLogger(FollowChecks.class);

	/** The most follows one run checks; the rest wait for the next run. */
	private static final int MOST_PER_RUN = 20;

	private final Follows follows;

	private final Intake intake;

	private final JsonMapper json;

	private final FollowProperties properties;

	private final Clock clock;

	FollowChecks(Follows follows, Intake intake, JsonMapper json, FollowProperties properties, Clock clock) {
		this.follows = follows;
		this.intake = intake;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> checkFollows() {
		return Tasks.recurring("check-follows", FixedDelay.of(this.properties.checkEvery()))
			.execute((instance, context) -> checkDue());
	}

	/** Starts the check of every follow that is due now. */
	void checkDue() {
		for (Follows.Due due : this.follows.due(this.clock.instant(), MOST_PER_RUN)) {
			check(due);
		}
	}

	private void check(Follows.Due due) {
		Instant now = this.clock.instant();
		try {
			CreateSummaryRequest options = this.json.readValue(due.options(), CreateSummaryRequest.class);
			this.intake.followed(due.owner(), due.url(), options, due.id());
			this.follows.scheduled(due.id(), now.plus(this.properties.interval()));
		}
		catch (ApiException refused) {
			Duration wait = min(this.properties.retryAfter(), this.properties.interval());
			this.follows.checked(due.id(), now, null, sentence(refused));
			this.follows.scheduled(due.id(), now.plus(wait));
			log.info("Follow {} could not be checked, again in {}: {}", due.id(), wait, refused.getMessage());
		}
	}

	private static String sentence(RuntimeException failed) {
		String says = (failed.getMessage() != null) ? failed.getMessage() : failed.getClass().getSimpleName();
		return (says.length() > 1900) ? says.substring(0, 1900) + "…" : says;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
