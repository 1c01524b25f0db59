package io.sightline.system;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header: a number of seconds (whole or decimal) or a
 * date.
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/** The wait asked for, or null when the header is missing or unreadable. */
	public static Duration parse(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		if (value.matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		if (value.matches("\\d{1,9}\\.\\d{1,9}")) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), at.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
