package io.sightline.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.sightline.collection.Collections;
import io.sightline.library.Library;
import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code delete}: removes a summary (with its transcript), or a collection with the
 * summaries it made, from this machine's library or a server's.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
		description = "Delete a summary, or a collection with the summaries it made, from this machine or a server.",
		footer = { "%nExamples:", "  sightline delete 3f2a…-summary-id",
				"  sightline delete 3f2a…-collection-id --server http://localhost:8080", ExitCodes.HELP })
class DeleteCommand implements Callable<Integer> {

	@Parameters(paramLabel = "<id>", description = "a summary's or a collection's id, as library lists them")
	String id;

	@Mixin
	RemoteOptions remote;

	@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
	String dataDir;

	private final Streams streams;

	DeleteCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		UUID id = AskCommand.summaryId(this.id);
		String what;
		if (this.remote.remote(this.streams)) {
			ServerClient client = this.remote.client(this.streams);
			try {
				client.delete("/api/summaries/" + id);
				what = "summary";
			}
			catch (CliFailure notASummary) {
				try {
					client.delete("/api/collections/" + id);
					what = "collection";
				}
				catch (CliFailure notACollection) {
					throw notASummary;
				}
			}
		}
		else {
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, List.of())) {
				what = local(context, id);
			}
			catch (ApiException refused) {
				throw new CliFailure(ExitCodes.BAD_INPUT, refused.getMessage());
			}
		}
		this.streams.err().println("Deleted the " + what + " " + id + ".");
		return ExitCodes.DONE;
	}

	private static String local(ConfigurableApplicationContext context, UUID id) {
		String owner = context.getBean(Owners.class).current();
		try {
			context.getBean(Library.class).delete(id, owner);
			return "summary";
		}
		catch (ApiException notASummary) {
			try {
				context.getBean(Collections.class).delete(id, owner);
				return "collection";
			}
			catch (ApiException notACollection) {
				throw notASummary;
			}
		}
	}

}
