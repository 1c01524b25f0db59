package io.sightline.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2PasswordsTest {

	/**
	 * Made by Spring Security's Argon2PasswordEncoder (Bouncy Castle), as earlier
	 * versions stored them.
	 */
	private static final String STORED_BY_SPRING_SECURITY = "$argon2id$v=19$m=16384,t=2,p=1$E5VMEYUCc88enr1LsECckA$"
			+ "NBsOWx0S+njBSjaHqD2s9glvB81mjihddDGvSSd09j8";

	private final Argon2Passwords passwords = new Argon2Passwords();

	@Test
	void hashesStoredByEarlierVersionsStillVerify() {
		assertThat(this.passwords.matches("correct horse battery staple", STORED_BY_SPRING_SECURITY)).isTrue();
		assertThat(this.passwords.matches("correct horse battery stapler", STORED_BY_SPRING_SECURITY)).isFalse();
	}

	@Test
	void aNewHashIsArgon2idWithSpringSecuritysParametersAndASaltOfItsOwn() {
		String first = this.passwords.encode("s3cret pass");
		String second = this.passwords.encode("s3cret pass");

		assertThat(first).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
		assertThat(first).isNotEqualTo(second);
		assertThat(this.passwords.matches("s3cret pass", first)).isTrue();
		assertThat(this.passwords.matches("s3cret pass", second)).isTrue();
		assertThat(this.passwords.matches("s3cret pas", first)).isFalse();
	}

	@Test
	void somethingThatIsNotAnArgon2HashMatchesNothing() {
		assertThat(this.passwords.matches("x", "")).isFalse();
		assertThat(this.passwords.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
		assertThat(this.passwords.matches("x", "$argon2id$v=19$m=16384,t=2,p=1$broken")).isFalse();
		assertThat(this.passwords.matches("x", null)).isFalse();
	}

}
