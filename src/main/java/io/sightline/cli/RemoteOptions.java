package io.sightline.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** How to reach a running server. */
class RemoteOptions {

	@Option(names = "--server", paramLabel = "URL", description = "the Sightline server, such as http://localhost:8080")
	String server;

	@Option(names = "--token", paramLabel = "T", description = "an API token, if the server asks for one")
	String token;

	ServerClient client() {
		if (this.server == null) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "This command needs --server, the address of a running Sightline"
					+ " server such as http://localhost:8080.");
		}
		return new ServerClient(this.server, this.token, Duration.ofSeconds(1));
	}

}
