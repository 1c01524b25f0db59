package io.sightline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.sightline.support.Api;
import io.sightline.support.ServerProcess;
import io.sightline.support.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code user} and {@code token} on a data dir, then a multi-user server on it: the
 * printed token works, and stops working once revoked.
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
		Path rootPassword = Files.writeString(Files.createTempFile("password-", ".txt"), "the root password\n");
		assertThat(CliRun
			.of("user", "add", "root", "--admin", "--password-file", rootPassword.toString(), "--data-dir",
					dataDir.toString())
			.exitCode()).isZero();
		String rootToken = CliRun.of("token", "create", "--user", "root", "--data-dir", dataDir.toString())
			.out()
			.strip();

		Path gates = Files.createTempDirectory("gates-");
		Path log = Files.createTempFile("server-", ".log");
		var properties = TestDatabases.h2Properties(dataDir);
		properties.put("sightline.security.mode", "multi-user");
		try (ServerProcess server = ServerProcess.start(properties, gates, log)) {
			Api alice = server.api().withToken(token);
			assertThat(alice.get("/api/library").status()).isEqualTo(200);
			assertThat(alice.get("/api/session").json().get("name").asString()).isEqualTo("alice");

			// the command line takes the token from a file quietly, and from --token with
			// a warning
			Path tokenFile = Files.writeString(Files.createTempFile("token-", ".txt"), token + "\n");
			CliRun fromFile = CliRun.of("library", "--server", server.baseUrl(), "--token-file", tokenFile.toString());
			assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
			assertThat(fromFile.err()).doesNotContain("Warning");
			CliRun inline = CliRun.of("library", "--server", server.baseUrl(), "--token", token);
			assertThat(inline.exitCode()).as(inline.err()).isZero();
			assertThat(inline.err()).contains("Warning: a token given with --token can be read by other users");
			CliRun missingFile = CliRun.of("library", "--server", server.baseUrl(), "--token-file", "/no/such/token");
			assertThat(missingFile.exitCode()).isEqualTo(2);
			assertThat(missingFile.err().strip()).startsWith("Could not read the token file /no/such/token");

			// while the server holds its H2 database, the commands ask the server, as the
			// token's user
			Map<String, String> asRoot = Map.of("SIGHTLINE_TOKEN", rootToken);
			CliRun listed = CliRun.withEnvironment(asRoot, "user", "list", "--data-dir", dataDir.toString());
			assertThat(listed.exitCode()).as(listed.err()).isZero();
			assertThat(listed.out()).contains("alice\tuser\t").contains("root\tadmin\t");
			assertThat(listed.err()).contains("in use by the server at " + server.baseUrl());
			CliRun second = CliRun.withEnvironment(asRoot, "token", "create", "--user", "alice", "--label", "second",
					"--data-dir", dataDir.toString());
			assertThat(second.exitCode()).as(second.err()).isZero();
			assertThat(server.api().withToken(second.out().strip()).get("/api/library").status()).isEqualTo(200);
			CliRun own = CliRun.of("token", "list", "--server", server.baseUrl(), "--token-file", tokenFile.toString());
			assertThat(own.exitCode()).as(own.err()).isZero();
			assertThat(own.out()).contains(tokenId + "\tlaptop\t").contains("\tsecond\t");
			CliRun ownJson = CliRun.of("token", "list", "--server", server.baseUrl(), "--token-file",
					tokenFile.toString(), "--format", "json");
			assertThat(ownJson.out()).contains("\"id\" : \"" + tokenId + "\"").contains("\"last_used_at\"");
			CliRun usersJson = CliRun.withEnvironment(asRoot, "user", "list", "--data-dir", dataDir.toString(),
					"--format", "json");
			assertThat(usersJson.out()).contains("\"name\" : \"alice\"").contains("\"disabled\" : false");
			CliRun library = CliRun.withEnvironment(Map.of("SIGHTLINE_TOKEN", token), "library", "--data-dir",
					dataDir.toString(), "--format", "json");
			assertThat(library.exitCode()).as(library.err()).isZero();
			assertThat(library.out()).contains("\"total\":0");
			CliRun notAdmin = CliRun.withEnvironment(Map.of("SIGHTLINE_TOKEN", token), "user", "list", "--data-dir",
					dataDir.toString());
			assertThat(notAdmin.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
			assertThat(notAdmin.err()).contains("Only an administrator may do this");
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

		assertThat(CliRun.of("user", "disable", "alice", "--data-dir", dataDir.toString()).exitCode()).isZero();
		assertThat(CliRun.of("user", "list", "--data-dir", dataDir.toString()).out()).contains("alice\tuser\t")
			.contains("\tdisabled");
		CliRun enabled = CliRun.of("user", "enable", "alice", "--data-dir", dataDir.toString());
		assertThat(enabled.err()).contains("Enabled alice");
		Path newPassword = Files.writeString(Files.createTempFile("password-", ".txt"), "alice's new password\n");
		CliRun reset = CliRun.of("user", "password", "alice", "--password-file", newPassword.toString(), "--data-dir",
				dataDir.toString());
		assertThat(reset.exitCode()).as(reset.err()).isZero();
		assertThat(CliRun.of("user", "list", "--data-dir", dataDir.toString()).out()).doesNotContain("disabled");
	}

}
