package io.sightline.account;

/**
 * A user or token operation that cannot be done, with a sentence that says why and what
 * to do.
 */
public class AccountException extends RuntimeException {

	AccountException(String message) {
		super(message);
	}

}
