package io.sightline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * "; Sightline will retry, and if it persists, set …" and its kin, to its end or its
	 * way out.
	 */
	private static final Pattern WILL_RETRY = Pattern
		.compile("[;,]?\\s*Sightline will (?:retry|try again)(?:,?\\s*(?:and|—|-)\\s*(.*?))?[.,]?$");

	/**
	 * A transient failure's sentence once no retry is left: what happened and what the
	 * user can do, without the promise of a retry that will not come ("YouTube answered
	 * 500; try again later.").
	 */
	static String withoutRetry(String sentence) {
		Matcher promise = WILL_RETRY.matcher(sentence);
		if (!promise.find()) {
			return sentence;
		}
		String before = sentence.substring(0, promise.start());
		String wayOut = (promise.group(1) != null && !promise.group(1).isBlank()) ? promise.group(1).strip()
				: "try again later";
		return before + "; " + wayOut + (wayOut.endsWith(".") ? "" : ".");
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
