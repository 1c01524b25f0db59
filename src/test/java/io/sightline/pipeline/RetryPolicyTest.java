package io.sightline.pipeline;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

import io.sightline.source.SourceFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	static final PipelineProperties PROPERTIES = new PipelineProperties(Duration.ofSeconds(2), Duration.ofMinutes(5),
			2.0, 0.2, 2, new PipelineProperties.StageBudget(Duration.ofHours(6), Duration.ofHours(2)), 2);

	@Test
	void delaysGrowExponentiallyWithoutJitterAtTheMiddle() {
		RetryPolicy policy = new RetryPolicy(PROPERTIES, () -> 0.5);
		assertThat(policy.delayBefore(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.delayBefore(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
		assertThat(policy.delayBefore(4, Optional.empty())).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void jitterSpreadsTheDelayWithinItsFraction() {
		assertThat(new RetryPolicy(PROPERTIES, () -> 0.0).delayBefore(3, Optional.empty()))
			.isEqualTo(Duration.ofMillis(3200));
		assertThat(new RetryPolicy(PROPERTIES, () -> 1.0).delayBefore(3, Optional.empty()))
			.isEqualTo(Duration.ofMillis(4800));
	}

	@Test
	void delaysAreCappedButRetryAfterIsHonoured() {
		RetryPolicy policy = new RetryPolicy(PROPERTIES, () -> 0.5);
		assertThat(policy.delayBefore(20, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
		assertThat(policy.delayBefore(2, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.delayBefore(2, Optional.of(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(10));
		assertThat(policy.delayBefore(3, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void failuresAreClassified() {
		assertThat(Failures.classify(new SocketTimeoutException("read timed out")).isTransient()).isTrue();
		assertThat(Failures.classify(new RuntimeException(new IOException("reset"))).isTransient()).isTrue();
		Failures.Classified bug = Failures.classify(new NullPointerException());
		assertThat(bug.isTransient()).isFalse();
		assertThat(bug.sentence()).contains("unexpected error").doesNotContain("at io.");
		assertThat(
				Failures.classify(SourceFailure.temporary("youtube.server_error", "busy", Duration.ofSeconds(3), null))
					.retryAfter())
			.contains(Duration.ofSeconds(3));
	}

	@Test
	void stagesSplitTheBarInOrder() {
		assertThat(Stage.SUMMARIZE.at(0)).isEqualTo(40);
		assertThat(Stage.SUMMARIZE.at(0.5)).isEqualTo(65);
		assertThat(Stage.SUMMARIZE.at(1)).isEqualTo(90);
		assertThat(Stage.METADATA.from()).isEqualTo(5);
	}

}
