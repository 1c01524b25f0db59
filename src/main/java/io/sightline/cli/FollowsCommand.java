package io.sightline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.sightline.collection.Follows;
import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code follows}: the channels and feeds followed, on this machine or a server, one per
 * line, tab-separated; or pause, resume or stop one.
 */
@Command(name = "follows", mixinStandardHelpOptions = true,
		description = "List followed channels and feeds (id, state, next check, collections, title), or pause,"
				+ " resume or stop one.",
		footer = { "%nExamples:", "  sightline follows",
				"  sightline follows --pause 6f1c… --server http://localhost:8080",
				"  sightline summarize https://example.org/feed.xml --follow", ExitCodes.HELP })
class FollowsCommand implements Callable<Integer> {

	@Mixin
	RemoteOptions remote;

	@ArgGroup(exclusive = true)
	Change change;

	@Option(names = "--format", defaultValue = "text", description = "text (default) or json")
	String format;

	@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
	String dataDir;

	/** At most one change per run. */
	static class Change {

		@Option(names = "--pause", paramLabel = "ID", description = "stop checking this follow for now")
		String pause;

		@Option(names = "--resume", paramLabel = "ID", description = "check this follow again")
		String resume;

		@Option(names = "--remove", paramLabel = "ID",
				description = "stop following (its collections stay in the library)")
		String remove;

	}

	private final Streams streams;

	FollowsCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		JsonNode follows;
		if (this.remote.remote(this.streams)) {
			ServerClient client = this.remote.client(this.streams);
			if (this.change != null) {
				String id = id();
				if (this.change.remove != null) {
					client.delete("/api/follows/" + id);
				}
				else {
					client.patchJson("/api/follows/" + id,
							JsonMapper.shared().createObjectNode().put("paused", this.change.pause != null));
				}
			}
			follows = client.get("/api/follows");
		}
		else {
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, List.of())) {
				Follows local = context.getBean(Follows.class);
				String owner = context.getBean(Owners.class).current();
				if (this.change != null) {
					UUID id = uuid(id());
					try {
						if (this.change.remove != null) {
							local.remove(id, owner);
						}
						else {
							local.pause(id, owner, this.change.pause != null);
						}
					}
					catch (ApiException refused) {
						throw new CliFailure(ExitCodes.BAD_INPUT, refused.getMessage());
					}
				}
				JsonMapper json = context.getBean(JsonMapper.class);
				follows = json.valueToTree(local.list(owner));
			}
		}
		print(follows);
		return ExitCodes.DONE;
	}

	private void print(JsonNode follows) {
		if (this.format.equals("json")) {
			this.streams.out().println(follows.toPrettyString());
			return;
		}
		List<String> lines = new ArrayList<>();
		for (JsonNode follow : follows) {
			String name = follow.path("title").isNull() ? follow.path("url").asString()
					: follow.path("title").asString();
			String state = follow.path("paused").asBoolean() ? "paused"
					: "next " + follow.path("next_check_at").asString();
			lines.add(String.join("\t", follow.path("id").asString(), state,
					follow.path("collections").asInt() + " collections", name));
			if (!follow.path("last_error").isNull() && !follow.path("last_error").asString("").isEmpty()) {
				lines.add("\tlast check: " + follow.path("last_error").asString());
			}
		}
		lines.forEach(this.streams.out()::println);
		if (lines.isEmpty()) {
			this.streams.err()
				.println("Nothing is followed; follow a channel or feed with: sightline summarize <address> --follow");
		}
	}

	private String id() {
		return (this.change.pause != null) ? this.change.pause
				: (this.change.resume != null) ? this.change.resume : this.change.remove;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"'" + id + "' is not a follow's id; `sightline follows` lists them.");
		}
	}

}
