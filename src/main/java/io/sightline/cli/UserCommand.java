package io.sightline.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import io.sightline.account.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code user}: the users of a multi-user server, through its API ({@code --server}) or
 * in its database (this machine's, or PostgreSQL's).
 */
@Command(name = "user", mixinStandardHelpOptions = true,
		description = "Add, list, disable and enable the users of a multi-user server, and reset their passwords.",
		subcommands = { UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
				UserCommand.Enable.class, UserCommand.Password.class },
		footer = { "%nExamples:", "  sightline user add alice --admin",
				"  sightline user add bob --password-file bob.txt", "  sightline user list",
				"  sightline user disable bob --server https://sightline.example",
				"%nWith --server (or SIGHTLINE_SERVER) they ask that server, as the token's user (an"
						+ " administrator); else they work on the server's database: the data dir's (also while"
						+ " a server runs on it) or PostgreSQL's (set SPRING_DATASOURCE_URL as for the server).",
				ExitCodes.HELP })
class UserCommand {

	/** Where the database is, as for the server. */
	static class DatabaseOptions {

		@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
		String dataDir;

		@Option(names = "--set", paramLabel = "NAME=VALUE", description = "a server setting, such as"
				+ " spring.datasource.url=jdbc:postgresql://db/sightline (repeatable)")
		List<String> settings = List.of();

	}

	@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user; asks for the password twice"
			+ " on a terminal, else reads it from --password-file or standard input (--password-stdin).")
	static class Add implements Callable<Integer> {

		@Parameters(paramLabel = "NAME", description = "lower-case letters, digits, dots, dashes, underscores")
		String name;

		@Option(names = "--admin", description = "may see operations endpoints (metrics)")
		boolean admin;

		@Mixin
		PasswordOptions password = new PasswordOptions();

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		Add(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() throws IOException {
			String chosen = this.password.read(this.name);
			User user = this.where.with(this.streams, (accounts) -> accounts.addUser(this.name, chosen, this.admin));
			this.streams.err()
				.println("Added " + (user.admin() ? "the administrator " : "the user ") + user.name()
						+ "; they can sign in to the web UI, and programs use a token: sightline token create --user "
						+ user.name());
			return ExitCodes.DONE;
		}

	}

	/**
	 * The password: from the file, else asked twice on a terminal, else standard input's
	 * first line.
	 */
	static String password(Path passwordFile, boolean passwordStdin, String name) throws IOException {
		if (passwordFile != null) {
			return firstLine(Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8));
		}
		Console console = System.console();
		if (!passwordStdin && console != null) {
			char[] first = console.readPassword("Password for %s: ", name);
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
				throw new CliFailure(ExitCodes.BAD_INPUT,
						"No password was given; pass it on the first line of --password-file or of standard input.");
			}
			return line;
		}
	}

	/** A user as {@code GET /api/users} lists them. */
	record Listed(String name, boolean admin, boolean disabled, Instant createdAt, Instant disabledAt) {
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the users: name, role, created.")
	static class ListUsers implements Callable<Integer> {

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		ListUsers(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() {
			List<User> users = this.where.with(this.streams, AccountAccess::users);
			if (this.where.json()) {
				this.streams.out()
					.println(AccountAccess.Options.json(users.stream()
						.map((user) -> new Listed(user.name(), user.admin(), user.disabled(), user.createdAt(),
								user.disabledAt()))
						.toList()));
				return ExitCodes.DONE;
			}
			users.forEach((user) -> this.streams.out()
				.println(user.name() + "\t" + (user.admin() ? "admin" : "user") + "\t" + user.createdAt()
						+ (user.disabled() ? "\tdisabled" : "")));
			if (users.isEmpty()) {
				this.streams.err().println("There are no users yet; add one with: sightline user add NAME --admin");
			}
			return ExitCodes.DONE;
		}

	}

	/** Disabling and enabling: the same change, either way. */
	abstract static class Switch implements Callable<Integer> {

		@Parameters(paramLabel = "NAME", description = "the user")
		String name;

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		Switch(Streams streams) {
			this.streams = streams;
		}

		abstract boolean disabled();

		abstract String done();

		@Override
		public Integer call() {
			this.where.with(this.streams, (accounts) -> accounts.setDisabled(this.name, disabled()));
			this.streams.err().println(done());
			return ExitCodes.DONE;
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user: they can no longer"
			+ " sign in, their tokens stop working and their web sessions end; their summaries stay.")
	static class Disable extends Switch {

		Disable(Streams streams) {
			super(streams);
		}

		@Override
		boolean disabled() {
			return true;
		}

		@Override
		String done() {
			return "Disabled " + this.name + "; enable them again with: sightline user enable " + this.name;
		}

	}

	@Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
	static class Enable extends Switch {

		Enable(Streams streams) {
			super(streams);
		}

		@Override
		boolean disabled() {
			return false;
		}

		@Override
		String done() {
			return "Enabled " + this.name + "; they can sign in and use their tokens again.";
		}

	}

	@Command(name = "password", mixinStandardHelpOptions = true, description = "Set a user's password (a reset);"
			+ " their web sessions end. Asks twice on a terminal, else reads --password-file or standard input.")
	static class Password implements Callable<Integer> {

		@Parameters(paramLabel = "NAME", description = "the user")
		String name;

		@Mixin
		PasswordOptions password = new PasswordOptions();

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		Password(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() throws IOException {
			String chosen = this.password.read(this.name);
			this.where.with(this.streams, (accounts) -> {
				accounts.setPassword(this.name, chosen);
				return null;
			});
			this.streams.err().println("Set the password of " + this.name + "; they sign in with it from now on.");
			return ExitCodes.DONE;
		}

	}

	/**
	 * Where a new password comes from: a file, standard input, or asked twice on a
	 * terminal.
	 */
	static class PasswordOptions {

		@Option(names = "--password-file", description = "read the password from this file's first line")
		Path passwordFile;

		@Option(names = "--password-stdin", description = "read the password from standard input's first line")
		boolean passwordStdin;

		String read(String name) throws IOException {
			return password(this.passwordFile, this.passwordStdin, name);
		}

	}

}
