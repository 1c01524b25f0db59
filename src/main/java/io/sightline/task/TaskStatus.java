package io.sightline.task;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a task stands. Only {@code processing} moves; the others are terminal. */
public enum TaskStatus {

	PROCESSING, COMPLETED, ERROR, CANCELLED;

	private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map.of(PROCESSING,
			EnumSet.of(PROCESSING, COMPLETED, ERROR, CANCELLED), COMPLETED, EnumSet.noneOf(TaskStatus.class), ERROR,
			EnumSet.noneOf(TaskStatus.class), CANCELLED, EnumSet.noneOf(TaskStatus.class));

	public boolean isTerminal() {
		return this != PROCESSING;
	}

	boolean canMoveTo(TaskStatus next) {
		return ALLOWED.get(this).contains(next);
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TaskStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
