package io.sightline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.sightline.support.Api;
import io.sightline.support.ServerProcess;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code user} and {@code token} on a data dir, then a multi-user server on it: the printed token
 * works, and stops working once revoked.
 */
class AccountCommandsTest {

	@Test
	void usersAndTokensMadeOnTheCommandLineSignInToTheServerUntilRevoked() throws Exception {
		Path dataDir = TestDatabases.freshDataDir();
		Path password = Files.writeString(Files.createTempFile("password-", ".txt"), "a password for alice\n");

		CliRun added = CliRun.of("user", "add", "alice", "--password-file", password.toString(), "--data-dir",
				dataDir.toString());
		assertThat(added.exitCode()).as(added.err()).isZero();
		assertThat(added.err()).contains("Added the user alice");
		CliRun again = CliRun.of("user", "add", "alice", "--password-file", password.toString(), "--data-dir",
				dataDir.toString());
		assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(again.err().strip()).isEqualTo("A user named alice already exists; choose another name.");
		CliRun badName = CliRun.of("user", "add", "Not A Name", "--password-file", password.toString(), "--data-dir",
				dataDir.toString());
		assertThat(badName.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);

		CliRun created = CliRun.of("token", "create", "--user", "alice", "--label", "laptop", "--data-dir",
				dataDir.toString());
		assertThat(created.exitCode()).as(created.err()).isZero();
		String token = created.out().strip();
		assertThat(token).startsWith("sl_").doesNotContain("\n");
		String tokenId = created.err().replaceAll("(?s).*Token ([0-9a-f-]{36}) for alice.*", "$1");
		assertThat(UUID.fromString(tokenId)).isNotNull();
		assertThat(CliRun.of("token", "create", "--user", "nobody", "--data-dir", dataDir.toString()).exitCode())
			.isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(CliRun.of("user", "list", "--data-dir", dataDir.toString()).out()).startsWith("alice\tuser\t");

		Path gates = Files.createTempDirectory("gates-");
		Path log = Files.createTempFile("server-", ".log");
		var properties = TestDatabases.h2Properties(dataDir);
		properties.put("sightline.security.mode", "multi-user");
		try (ServerProcess server = ServerProcess.start(properties, gates, log)) {
			Api alice = server.api().withToken(token);
			assertThat(alice.get("/api/library").status()).isEqualTo(200);
			assertThat(alice.get("/api/session").json().get("name").asString()).isEqualTo("alice");
		}

		CliRun revoked = CliRun.of("token", "revoke", tokenId, "--data-dir", dataDir.toString());
		assertThat(revoked.exitCode()).as(revoked.err()).isZero();
		assertThat(revoked.err()).contains("Revoked token " + tokenId + " (laptop) of alice.");
		assertThat(CliRun.of("token", "list", "--user", "alice", "--data-dir", dataDir.toString()).out())
			.contains(tokenId + "\tlaptop\t")
			.contains("revoked ");
		try (ServerProcess server = ServerProcess.start(properties, gates, log)) {
			assertThat(server.api().withToken(token).get("/api/library").status()).isEqualTo(401);
		}
	}

}
