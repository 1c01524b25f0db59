package io.sightline.system;

import java.util.function.Supplier;

/**
 * A value made on first use, once, then kept; safe to share between threads. For what is
 * costly to make and not needed to start (an HTTP client initializes TLS when it is
 * built).
 */
public final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> maker;

	private volatile T value;

	private Lazy(Supplier<T> maker) {
		this.maker = maker;
	}

	public static <T> Lazy<T> of(Supplier<T> maker) {
		return new Lazy<>(maker);
	}

	@Override
	public T get() {
		T made = this.value;
		if (made == null) {
			synchronized (this) {
				made = this.value;
				if (made == null) {
					made = this.maker.get();
					this.value = made;
				}
			}
		}
		return made;
	}

}
