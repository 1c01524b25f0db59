package io.sightline.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** How to reach a running server. */
class RemoteOptions {

	@Option(names = "--server", paramLabel = "URL", description = "the Sightline server, such as http://localhost:8080")
	String server;

	@Option(names = "--token", paramLabel = "T", defaultValue = "${env:SIGHTLINE_TOKEN}",
			description = "an API token, for a multi-user server (default: the SIGHTLINE_TOKEN environment variable)")
	String token;

	ServerClient client() {
		if (this.server == null) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "This command needs --server, the address of a running Sightline"
					+ " server such as http://localhost:8080.");
		}
		return new ServerClient(this.server, this.token, Duration.ofSeconds(1));
	}

}
