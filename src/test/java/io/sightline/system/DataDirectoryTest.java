package io.sightline.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

	private static MockEnvironment h2At(Path dir) {
		return new MockEnvironment().withProperty("sightline.data-dir", dir.toString())
			.withProperty("spring.datasource.url", "jdbc:h2:file:" + dir + "/sightline");
	}

	@Test
	void aNewDataDirIsMadeForItsOwnerAlone() throws IOException {
		Path dir = Files.createTempDirectory("sightline-").resolve("data/nested");

		DataDirectory.restrict(h2At(dir));

		assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(DataDirectory.OWNER_ONLY);
	}

	@Test
	void anExistingDataDirThatOthersCouldReadIsClosedToThem() throws IOException {
		Path dir = Files.createTempDirectory("sightline-");
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

		DataDirectory.restrict(h2At(dir));

		assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(DataDirectory.OWNER_ONLY);
	}

	@Test
	void anotherDatabaseLeavesTheDirectoryAlone() throws IOException {
		Path dir = Files.createTempDirectory("sightline-");
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

		DataDirectory.restrict(new MockEnvironment().withProperty("sightline.data-dir", dir.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/sightline"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
	}

}
