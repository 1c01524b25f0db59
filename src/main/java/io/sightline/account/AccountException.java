package io.sightline.account;

/**
 * A user or token operation that cannot be done, with a sentence that says why and what
 * to do, and the {@link Reason} for programs.
 */
public class AccountException extends RuntimeException {

	/** Why: the input is not acceptable, the user or token is unknown, or it exists. */
	public enum Reason {

		INVALID, NOT_FOUND, EXISTS

	}

	private final Reason reason;

	AccountException(String message) {
		this(Reason.INVALID, message);
	}

	AccountException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
