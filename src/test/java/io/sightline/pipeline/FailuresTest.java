package io.sightline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

import io.sightline.source.SourceFailure;
import io.sightline.summarize.SummarizerFailure;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** How what a stage threw becomes a code, a sentence and a decision to retry. */
class FailuresTest {

	@Test
	void aKnownFailureKeepsItsCodeSentenceAndWait() {
		Failures.Classified classified = Failures.classify(
				SourceFailure.temporary("youtube.blocked", "YouTube is blocking us.", Duration.ofSeconds(30), null));
		assertThat(classified).isEqualTo(new Failures.Classified("youtube.blocked", "YouTube is blocking us.", true,
				Optional.of(Duration.ofSeconds(30))));
	}

	@Test
	void aKnownFailureIsFoundUnderTheExceptionsThatWrapIt() {
		RuntimeException wrapped = new IllegalStateException("in a pool",
				new RuntimeException(SummarizerFailure.permanent("model.unauthorized", "The key was refused.")));
		Failures.Classified classified = Failures.classify(wrapped);
		assertThat(classified.code()).isEqualTo("model.unauthorized");
		assertThat(classified.isTransient()).isFalse();
	}

	@Test
	void networkAndDatabaseTroubleIsTransient() {
		assertThat(Failures.classify(new UncheckedIOException(new SocketTimeoutException("read timed out"))))
			.satisfies((classified) -> {
				assertThat(classified.code()).isEqualTo("internal.io");
				assertThat(classified.isTransient()).isTrue();
			});
		assertThat(Failures.classify(new RuntimeException(new IOException("reset"))).isTransient()).isTrue();
		assertThat(Failures.classify(new QueryTimeoutException("slow"))).satisfies((classified) -> {
			assertThat(classified.code()).isEqualTo("internal.database_unavailable");
			assertThat(classified.isTransient()).isTrue();
		});
	}

	@Test
	void anythingElseIsAPermanentUnexpectedFailureWithASentence() {
		Failures.Classified classified = Failures.classify(new NullPointerException());
		assertThat(classified.code()).isEqualTo(Failures.UNEXPECTED);
		assertThat(classified.isTransient()).isFalse();
		assertThat(classified.sentence()).contains("NullPointerException").contains("report");
	}

	@Test
	void aFailureGivenUpOnNoLongerPromisesARetryButKeepsItsWayOut() {
		assertThat(Failures.withoutRetry("YouTube answered 500; Sightline will retry."))
			.isEqualTo("YouTube answered 500; try again later.");
		assertThat(Failures.withoutRetry("The model endpoint answered 503; Sightline will try again."))
			.isEqualTo("The model endpoint answered 503; try again later.");
		assertThat(Failures.withoutRetry("YouTube is blocking requests from this server's address (HTTP 429); Sightline"
				+ " will retry, and if it persists, set sightline.youtube.proxy to a proxy YouTube does not block."))
			.isEqualTo("YouTube is blocking requests from this server's address (HTTP 429); if it persists, set"
					+ " sightline.youtube.proxy to a proxy YouTube does not block.");
		assertThat(Failures.withoutRetry("YouTube could not be reached (timeout); Sightline will retry — check this"
				+ " server's network or sightline.youtube.proxy."))
			.isEqualTo(
					"YouTube could not be reached (timeout); check this server's network or sightline.youtube.proxy.");
		assertThat(Failures.withoutRetry("This video is private.")).isEqualTo("This video is private.");
	}

}
