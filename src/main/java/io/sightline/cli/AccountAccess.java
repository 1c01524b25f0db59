package io.sightline.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.sightline.account.AccountException;
import io.sightline.account.Accounts;
import io.sightline.account.ApiToken;
import io.sightline.account.NewToken;
import io.sightline.account.User;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Users and tokens, where the command line finds them: through a running server's API
 * when {@code --server} (or {@code SIGHTLINE_SERVER}) names one, else in the server's
 * database (this machine's data dir, which H2 shares with a running server, or
 * PostgreSQL's).
 */
interface AccountAccess {

	User addUser(String name, String password, boolean admin);

	List<User> users();

	User setDisabled(String name, boolean disabled);

	void setPassword(String name, String password);

	/**
	 * A token for the user, or for the caller when {@code user} is null (a server only).
	 */
	NewToken createToken(String user, String label);

	List<ApiToken> tokens(String user);

	ApiToken revokeToken(UUID id);

	/**
	 * Where the account commands work: a server, or the database; and how lists are
	 * printed.
	 */
	class Options {

		private static final JsonMapper JSON = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.build();

		@Option(names = "--format", defaultValue = "text", description = "text (default) or json, for lists")
		String format;

		/** Whether lists are printed as the API's JSON. */
		boolean json() {
			if (!this.format.equals("text") && !this.format.equals("json")) {
				throw new CliFailure(ExitCodes.BAD_INPUT, "--format is text or json, not " + this.format + ".");
			}
			return this.format.equals("json");
		}

		/** The value as the API writes it. */
		static String json(Object value) {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
		}

		@Mixin
		UserCommand.DatabaseOptions database = new UserCommand.DatabaseOptions();

		@Mixin
		RemoteOptions remote = new RemoteOptions();

		<T> T with(Streams streams, Function<AccountAccess, T> work) {
			if (this.remote.remote(streams)) {
				return work.apply(new Remote(this.remote.client(streams)));
			}
			ConfigurableApplicationContext context;
			try {
				context = LocalApp.start(this.database.dataDir, true, false, this.database.settings);
			}
			catch (LocalApp.DataDirInUse inUse) {
				// a server holds the data dir: ask it, as the token's user
				streams.err().println("The data dir is in use by the server at " + inUse.server() + "; asking it.");
				return work.apply(new Remote(this.remote.client(streams, inUse.server())));
			}
			try (context) {
				return work.apply(new Local(context.getBean(Accounts.class)));
			}
			catch (AccountException refused) {
				throw new CliFailure(ExitCodes.BAD_INPUT, refused.getMessage());
			}
		}

	}

	/** The database's accounts. */
	record Local(Accounts accounts) implements AccountAccess {

		@Override
		public User addUser(String name, String password, boolean admin) {
			return this.accounts.addUser(name, password, admin);
		}

		@Override
		public List<User> users() {
			return this.accounts.users();
		}

		@Override
		public User setDisabled(String name, boolean disabled) {
			return this.accounts.setDisabled(name, disabled);
		}

		@Override
		public void setPassword(String name, String password) {
			this.accounts.setPassword(name, password);
		}

		@Override
		public NewToken createToken(String user, String label) {
			return this.accounts.createToken(required(user), label);
		}

		@Override
		public List<ApiToken> tokens(String user) {
			return this.accounts.tokens(required(user));
		}

		@Override
		public ApiToken revokeToken(UUID id) {
			return this.accounts.revokeToken(id);
		}

		private static String required(String user) {
			if (user == null) {
				throw new CliFailure(ExitCodes.BAD_INPUT, "Name the user with --user NAME (or ask a running server"
						+ " with --server, which takes the token's own user).");
			}
			return user;
		}

	}

	/** A running server's accounts, through its API, as the token's user. */
	record Remote(ServerClient client) implements AccountAccess {

		private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

		@Override
		public User addUser(String name, String password, boolean admin) {
			ObjectNode body = NODES.objectNode().put("name", name).put("password", password).put("admin", admin);
			return user(this.client.postJson("/api/users", body));
		}

		@Override
		public List<User> users() {
			List<User> users = new ArrayList<>();
			this.client.get("/api/users").forEach((node) -> users.add(user(node)));
			return users;
		}

		@Override
		public User setDisabled(String name, boolean disabled) {
			return user(this.client.patchJson("/api/users/" + name, NODES.objectNode().put("disabled", disabled)));
		}

		@Override
		public void setPassword(String name, String password) {
			this.client.patchJson("/api/users/" + name, NODES.objectNode().put("password", password));
		}

		@Override
		public NewToken createToken(String user, String label) {
			ObjectNode body = NODES.objectNode().put("label", label);
			if (user != null) {
				body.put("user", user);
			}
			JsonNode made = this.client.postJson("/api/tokens", body);
			return new NewToken(UUID.fromString(made.get("id").asString()), made.get("user").asString(),
					made.get("value").asString());
		}

		@Override
		public List<ApiToken> tokens(String user) {
			List<ApiToken> tokens = new ArrayList<>();
			this.client.get("/api/tokens" + ((user != null) ? "?user=" + user : ""))
				.forEach((node) -> tokens.add(token(node)));
			return tokens;
		}

		@Override
		public ApiToken revokeToken(UUID id) {
			return token(this.client.deleteJson("/api/tokens/" + id));
		}

		private static User user(JsonNode node) {
			return new User(node.get("name").asString(), node.get("admin").asBoolean(), instant(node, "created_at"),
					instant(node, "disabled_at"));
		}

		private static ApiToken token(JsonNode node) {
			return new ApiToken(UUID.fromString(node.get("id").asString()), node.get("user").asString(),
					node.get("label").asString(), instant(node, "created_at"), instant(node, "last_used_at"),
					instant(node, "revoked_at"));
		}

		private static Instant instant(JsonNode node, String field) {
			JsonNode value = node.get(field);
			return (value == null || value.isNull()) ? null : Instant.parse(value.asString());
		}

	}

}
