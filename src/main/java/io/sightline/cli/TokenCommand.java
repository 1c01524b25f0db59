package io.sightline.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.sightline.account.ApiToken;
import io.sightline.account.NewToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code token}: API tokens for programs (the CLI's --token, scripts), in the server's
 * database.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
		subcommands = { TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class },
		footer = { "%nExamples:", "  sightline token create --user alice --label laptop > alice.token",
				"  SIGHTLINE_TOKEN=$(cat alice.token) sightline submit talk.srt --server https://sightline.example",
				"  sightline token list --user alice", "  sightline token revoke 3f0c…", ExitCodes.HELP })
class TokenCommand {

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a token and print it on standard output; it is shown only this once.")
	static class Create implements Callable<Integer> {

		@Option(names = "--user", description = "whose token it is (with --server: default the token's own user)")
		String user;

		@Option(names = "--label", description = "what it is for (default: token)")
		String label;

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		Create(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() {
			NewToken token = this.where.with(this.streams, (accounts) -> accounts.createToken(this.user, this.label));
			this.streams.out().println(token.value());
			this.streams.err()
				.println("Token " + token.id() + " for " + token.user() + " created; it is shown only"
						+ " once. Send it as 'Authorization: Bearer <token>'; revoke it with: sightline token revoke "
						+ token.id());
			return ExitCodes.DONE;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "List a user's tokens: id, label, created, last used, revoked (never their values).")
	static class ListTokens implements Callable<Integer> {

		@Option(names = "--user", description = "whose tokens (with --server: default the token's own user)")
		String user;

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		ListTokens(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() {
			List<ApiToken> tokens = this.where.with(this.streams, (accounts) -> accounts.tokens(this.user));
			if (this.where.json()) {
				this.streams.out().println(AccountAccess.Options.json(tokens));
				return ExitCodes.DONE;
			}
			tokens.forEach((token) -> this.streams.out()
				.println(String.join("\t", token.id().toString(), token.label(), String.valueOf(token.createdAt()),
						String.valueOf(token.lastUsedAt()),
						token.revoked() ? "revoked " + token.revokedAt() : "active")));
			if (tokens.isEmpty()) {
				this.streams.err()
					.println(((this.user != null) ? this.user + " has" : "You have")
							+ " no tokens; create one with: sightline token create"
							+ ((this.user != null) ? " --user " + this.user : ""));
			}
			return ExitCodes.DONE;
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true,
			description = "Revoke a token; it stops working at once.")
	static class Revoke implements Callable<Integer> {

		@Parameters(paramLabel = "ID", description = "the token's id, as create and list print it")
		UUID id;

		@Mixin
		AccountAccess.Options where = new AccountAccess.Options();

		private final Streams streams;

		Revoke(Streams streams) {
			this.streams = streams;
		}

		@Override
		public Integer call() {
			ApiToken token = this.where.with(this.streams, (accounts) -> accounts.revokeToken(this.id));
			this.streams.err()
				.println("Revoked token " + token.id() + " (" + token.label() + ") of " + token.user() + ".");
			return ExitCodes.DONE;
		}

	}

}
