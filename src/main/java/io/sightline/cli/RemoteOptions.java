package io.sightline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;

/** How to reach a running server, and the API token to show it (multi-user servers). */
class RemoteOptions {

	static final String TOKEN_VARIABLE = "SIGHTLINE_TOKEN";

	static final String SERVER_VARIABLE = "SIGHTLINE_SERVER";

	@Option(names = "--server", paramLabel = "URL",
			description = "the Sightline server, such as http://localhost:8080 (default: the SIGHTLINE_SERVER"
					+ " environment variable, else server in ~/.config/sightline/config; without any, this"
					+ " machine's data)")
	String server;

	/**
	 * The server: {@code --server}, else {@code SIGHTLINE_SERVER}, else the config file's
	 * {@code server}, else null (this machine).
	 */
	String server(Streams streams) {
		if (this.server != null) {
			return this.server;
		}
		String variable = streams.environment().get(SERVER_VARIABLE);
		if (variable != null && !variable.isBlank()) {
			return variable.strip();
		}
		return CliConfig.of(streams).get("server").orElse(null);
	}

	/** Whether a server is named, by option or environment. */
	boolean remote(Streams streams) {
		return server(streams) != null;
	}

	@Option(names = "--token-file", paramLabel = "FILE",
			description = "a file holding the API token (default: the SIGHTLINE_TOKEN environment variable, else"
					+ " token-file or token in ~/.config/sightline/config)")
	Path tokenFile;

	@Option(names = "--token", paramLabel = "T",
			description = "the API token itself; other users of this machine can read it in the process list,"
					+ " so prefer SIGHTLINE_TOKEN or --token-file")
	String token;

	ServerClient client(Streams streams) {
		String address = server(streams);
		if (address == null) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"This command needs --server (or SIGHTLINE_SERVER), the address of"
							+ " a running Sightline server such as http://localhost:8080.");
		}
		return client(streams, address);
	}

	/** A client of the server at this address, with the token given. */
	ServerClient client(Streams streams, String address) {
		return new ServerClient(address, token(streams), Duration.ofSeconds(1));
	}

	private String token(Streams streams) {
		if (this.token != null) {
			streams.err()
				.println("Warning: a token given with --token can be read by other users of this machine in"
						+ " the process list; use " + TOKEN_VARIABLE + " or --token-file instead.");
			return this.token;
		}
		if (this.tokenFile != null) {
			return read(this.tokenFile);
		}
		String variable = streams.environment().get(TOKEN_VARIABLE);
		if (variable != null && !variable.isBlank()) {
			return variable.strip();
		}
		CliConfig config = CliConfig.of(streams);
		return config.get("token-file").map((file) -> read(Path.of(file))).orElse(config.get("token").orElse(null));
	}

	private static String read(Path tokenFile) {
		try {
			return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "Could not read the token file " + tokenFile + " ("
					+ ex.getMessage() + "); check the path and that you may read it.");
		}
	}

}
