package io.sightline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

import io.sightline.system.SightlineFailure;

import org.springframework.dao.TransientDataAccessException;

/**
 * Sorts what a stage threw into transient (worth a retry) and permanent, with the code
 * programs read and the sentence people read.
 */
final class Failures {

	/** The code of a failure Sightline did not expect: a bug to report. */
	static final String UNEXPECTED = "internal.unexpected";

	private Failures() {
	}

	record Classified(String code, String sentence, boolean isTransient, Optional<Duration> retryAfter) {
	}

	static Classified classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SightlineFailure known) {
				return new Classified(known.code(), known.getMessage(), known.isTransient(), known.retryAfter());
			}
			if (cause instanceof IOException || cause instanceof UncheckedIOException) {
				return new Classified("internal.io", "A network or disk operation failed ("
						+ cause.getClass().getSimpleName() + "); Sightline will try again.", true, Optional.empty());
			}
			if (cause instanceof TransientDataAccessException) {
				return new Classified("internal.database_unavailable",
						"The database was briefly unavailable; Sightline will try again.", true, Optional.empty());
			}
		}
		return new Classified(UNEXPECTED, "Sightline hit an unexpected error (" + failure.getClass().getSimpleName()
				+ "); the details are in the server log, please report it.", false, Optional.empty());
	}

}
