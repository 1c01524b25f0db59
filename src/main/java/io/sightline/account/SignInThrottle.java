package io.sightline.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing at the sign-in: after a few wrong passwords for one name, or more
 * from one address, each further try must wait, twice as long after each wrong one (from
 * one second up to fifteen minutes); a try that comes before its time is refused unread.
 * A right password clears its name. Kept in this node's memory: a cluster's nodes each
 * count their own.
 */
@Component
class SignInThrottle {

	/** Wrong passwords for one name before the waits begin. */
	static final int FREE_FOR_NAME = 5;

	/** Wrong passwords from one address (whatever the names) before the waits begin. */
	static final int FREE_FOR_ADDRESS = 20;

	static final Duration FIRST_WAIT = Duration.ofSeconds(1);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/** Counts untouched this long are forgotten. */
	static final Duration FORGET_AFTER = Duration.ofHours(1);

	/** Past this many counts, the forgotten ones are swept. */
	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Count> names = new ConcurrentHashMap<>();

	private final Map<String, Count> addresses = new ConcurrentHashMap<>();

	private final Clock clock;

	SignInThrottle(Clock clock) {
		this.clock = clock;
	}

	/** How long this name or address must still wait before a try, if at all. */
	Optional<Duration> wait(String name, String address) {
		Instant now = this.clock.instant();
		Duration wait = longer(remaining(this.names.get(key(name)), now), remaining(this.addresses.get(address), now));
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	/** A wrong password for this name from this address. */
	void failed(String name, String address) {
		Instant now = this.clock.instant();
		sweep(now);
		this.names.compute(key(name), (key, count) -> next(count, FREE_FOR_NAME, now));
		this.addresses.compute(address, (key, count) -> next(count, FREE_FOR_ADDRESS, now));
	}

	/** The right password for this name: its count starts again. */
	void succeeded(String name) {
		this.names.remove(key(name));
	}

	private static Count next(Count count, int free, Instant now) {
		int failures = ((count != null) ? count.failures() : 0) + 1;
		Instant until = now;
		if (failures > free) {
			long factor = 1L << Math.min(20, failures - free - 1);
			Duration wait = FIRST_WAIT.multipliedBy(factor);
			until = now.plus((wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait);
		}
		return new Count(failures, until, now);
	}

	private static Duration remaining(Count count, Instant now) {
		return (count == null || !count.until().isAfter(now)) ? Duration.ZERO : Duration.between(now, count.until());
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	private void sweep(Instant now) {
		if (this.names.size() + this.addresses.size() > SWEEP_ABOVE) {
			Instant cutoff = now.minus(FORGET_AFTER);
			this.names.values().removeIf((count) -> count.last().isBefore(cutoff));
			this.addresses.values().removeIf((count) -> count.last().isBefore(cutoff));
		}
	}

	/**
	 * Wrong passwords so far, until when the next try must wait, and the last one's time.
	 */
	private record Count(int failures, Instant until, Instant last) {
	}

}
