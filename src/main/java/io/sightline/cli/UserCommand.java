package io.sightline.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.sightline.account.AccountException;
import io.sightline.account.Accounts;
import io.sightline.account.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code user}: the users of a multi-user server, in its database (this machine's, or
 * PostgreSQL's).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add and list the users of a multi-user server.",
		subcommands = { UserCommand.Add.class, UserCommand.ListUsers.class },
		footer = { "%nExamples:", "  sightline user add alice --admin",
				"  sightline user add bob --password-file bob.txt", "  sightline user list",
				"%nThey work on the server's database: the data dir's (while the server is"
						+ " stopped) or PostgreSQL's (set SPRING_DATASOURCE_URL as for the server).",
				ExitCodes.HELP })
class UserCommand {

	/** Where the database is, as for the server. */
	static class DatabaseOptions {

		@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
		String dataDir;

		@Option(names = "--set", paramLabel = "NAME=VALUE", description = "a server setting, such as"
				+ " spring.datasource.url=jdbc:postgresql://db/sightline (repeatable)")
		List<String> settings = List.of();

		<T> T withAccounts(Function<Accounts, T> work) {
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, this.settings)) {
				return work.apply(context.getBean(Accounts.class));
			}
			catch (AccountException refused) {
				throw new CliFailure(ExitCodes.BAD_INPUT, refused.getMessage());
			}
		}

	}

	@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user; asks for the password twice"
			+ " on a terminal, else reads it from --password-file or standard input (--password-stdin).")
	static class Add implements Callable<Integer> {

		@Parameters(paramLabel = "NAME", description = "lower-case letters, digits, dots, dashes, underscores")
		String name;

		@Option(names = "--admin", description = "may see operations endpoints (metrics)")
		boolean admin;

		@Option(names = "--password-file", description = "read the password from this file's first line")
		Path passwordFile;

		@Option(names = "--password-stdin", description = "read the password from standard input's first line")
		boolean passwordStdin;

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		private final Streams streams;

		Add(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() throws IOException {
			String password = password();
			User user = this.database.withAccounts((accounts) -> accounts.addUser(this.name, password, this.admin));
			this.streams.err()
				.println("Added " + (user.admin() ? "the administrator " : "the user ") + user.name()
						+ "; they can sign in to the web UI, and programs use a token: sightline token create --user "
						+ user.name());
			return ExitCodes.DONE;
		}

		private String password() throws IOException {
			if (this.passwordFile != null) {
				return firstLine(Files.newBufferedReader(this.passwordFile, StandardCharsets.UTF_8));
			}
			Console console = System.console();
			if (!this.passwordStdin && console != null) {
				char[] first = console.readPassword("Password for %s: ", this.name);
				char[] again = console.readPassword("The same again: ");
				if (first == null || !Arrays.equals(first, again)) {
					throw new CliFailure(ExitCodes.BAD_INPUT, "The two passwords differ; run the command again.");
				}
				return new String(first);
			}
			return firstLine(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
		}

		private static String firstLine(BufferedReader reader) throws IOException {
			try (reader) {
				String line = reader.readLine();
				if (line == null || line.isEmpty()) {
					throw new CliFailure(ExitCodes.BAD_INPUT, "No password was given; pass it on the first line of"
							+ " --password-file or of standard input.");
				}
				return line;
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the users: name, role, created.")
	static class ListUsers implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		private final Streams streams;

		ListUsers(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() {
			List<User> users = this.database.withAccounts(Accounts::users);
			users.forEach((user) -> this.streams.out()
				.println(user.name() + "\t" + (user.admin() ? "admin" : "user") + "\t" + user.createdAt()));
			if (users.isEmpty()) {
				this.streams.err().println("There are no users yet; add one with: sightline user add NAME --admin");
			}
			return ExitCodes.DONE;
		}

	}

}
