package io.sightline.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes in the PHC string form
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), with the parameters of Spring
 * Security's {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8} (16 MiB, 2
 * passes, 1 lane, 16-byte salt, 32-byte hash), so hashes stored by earlier versions still
 * verify. A stored hash is checked with the parameters it names.
 */
final class Argon2Passwords implements PasswordEncoder {

	private static final int SALT_BYTES = 16;

	private static final Argon2Function ARGON2ID = Argon2Function.getInstance(16 * 1024, 2, 1, 32, Argon2.ID, 19);

	@Override
	public String encode(CharSequence password) {
		return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
	}

	@Override
	public boolean matches(CharSequence password, String encoded) {
		if (password == null || encoded == null || !encoded.startsWith("$argon2")) {
			return false;
		}
		try {
			return Password.check(password, encoded).with(Argon2Function.getInstanceFromHash(encoded));
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

}
