package io.sightline.task;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a task ended without a summary, as data: {@code kind} says how it ended,
 * {@code code} what went wrong (a stable dotted name, listed in {@code docs/api.md}), and
 * {@code retryable} whether submitting it again can succeed as things stand.
 */
public record TaskFailure(Kind kind, String code, boolean retryable) {

	/** The code of a task that someone cancelled. */
	public static final String CANCELLED_CODE = "task.cancelled";

	public TaskFailure {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(code, "code");
	}

	/** A failure that trying again would meet again (private video, no captions). */
	public static TaskFailure permanent(String code) {
		return new TaskFailure(Kind.PERMANENT, code, false);
	}

	/** A transient failure that outlasted every attempt; a later try may succeed. */
	public static TaskFailure gaveUp(String code) {
		return new TaskFailure(Kind.GAVE_UP, code, true);
	}

	/**
	 * The work was stopped from outside the task (the server could not go on with it).
	 */
	public static TaskFailure interrupted(String code) {
		return new TaskFailure(Kind.INTERRUPTED, code, true);
	}

	static TaskFailure cancelled() {
		return new TaskFailure(Kind.CANCELLED, CANCELLED_CODE, true);
	}

	/** How a task ended without a summary. */
	public enum Kind {

		PERMANENT, GAVE_UP, CANCELLED, INTERRUPTED;

		@JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
