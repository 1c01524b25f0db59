package io.sightline.intake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.sightline.system.ApiException;
import io.sightline.task.Tasks;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class LimitsTest {

	private final Tasks tasks = mock(Tasks.class);

	private final AtomicLong now = new AtomicLong(0);

	@Test
	void aFullQueueAnswers503WithRetryAfterInEitherMode() {
		when(this.tasks.countProcessing()).thenReturn(10L);
		for (boolean multiUser : new boolean[] { false, true }) {
			ApiException refused = catchThrowableOfType(ApiException.class,
					() -> limits(new LimitsProperties(30, 5, 10), multiUser).admit("alice"));
			assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
			assertThat(refused.getMessage())
				.isEqualTo("The server's queue is full (10 summaries in progress); try again in a minute.");
		}
	}

	@Test
	void theBucketAllowsAMinutesWorthAtOnceThenRefillsSteadily() {
		Limits limits = limits(new LimitsProperties(6, 0, 0), true);
		for (int i = 0; i < 6; i++) {
			limits.admit("alice");
		}
		ApiException refused = catchThrowableOfType(ApiException.class, () -> limits.admit("alice"));
		assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// six a minute: the next token is ten seconds away
		assertThat(refused.retryAfter()).contains(Duration.ofSeconds(10));
		assertThatNoException().isThrownBy(() -> limits.admit("bob"));
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(4));
		assertThat(catchThrowableOfType(ApiException.class, () -> limits.admit("alice")).retryAfter())
			.contains(Duration.ofSeconds(6));
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(6));
		assertThatNoException().isThrownBy(() -> limits.admit("alice"));
	}

	@Test
	void aUserAtTheirRunningCapAnswers429() {
		when(this.tasks.countProcessing(anyString())).thenReturn(3L);
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> limits(new LimitsProperties(0, 3, 0), true).admit("alice"));
		assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.retryAfter()).contains(Duration.ofSeconds(10));
	}

	@Test
	void singleUserModeHasNoPerUserLimits() {
		when(this.tasks.countProcessing(anyString())).thenReturn(100L);
		Limits limits = limits(new LimitsProperties(1, 1, 0), false);
		for (int i = 0; i < 50; i++) {
			assertThatNoException().isThrownBy(() -> limits.admit("local"));
		}
	}

	private Limits limits(LimitsProperties properties, boolean multiUser) {
		return new Limits(properties, this.tasks, multiUser, this.now::get);
	}

}
