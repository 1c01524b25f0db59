package io.sightline.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.sightline.collection.CollectionView;
import io.sightline.collection.Collections;
import io.sightline.library.Library;
import io.sightline.library.SummaryView;
import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code show}: one summary, or one collection with every item's summary, as markdown or
 * as the API's JSON.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Print one summary, or a collection (a playlist, channel or feed) with its items' summaries,"
				+ " from this machine or a server.",
		footer = { "%nExamples:", "  sightline show 3f2a…-summary-id",
				"  sightline show 3f2a…-summary-id --format json --server http://localhost:8080", ExitCodes.HELP })
class ShowCommand implements Callable<Integer> {

	@Parameters(paramLabel = "<summary-id>")
	String summaryId;

	@Mixin
	RemoteOptions remote;

	@Mixin
	SummarizeCommand.SummaryOptions options;

	@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
	String dataDir;

	private final Streams streams;

	ShowCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		boolean json = this.options.format().equals("json");
		String text;
		if (this.remote.remote(this.streams)) {
			ServerClient client = this.remote.client(this.streams);
			String path = "/api/summaries/" + this.summaryId;
			try {
				text = json ? client.getText(path) : client.get(path).path("summary_markdown").asString();
			}
			catch (CliFailure notASummary) {
				// the library lists collections by their own id
				String collection = "/api/collections/" + this.summaryId;
				try {
					text = json ? client.getText(collection) : CollectionText.markdown(client.get(collection));
				}
				catch (CliFailure notACollection) {
					throw notASummary;
				}
			}
		}
		else {
			UUID id = AskCommand.summaryId(this.summaryId);
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, List.of())) {
				text = local(context, id, json);
			}
			catch (ApiException missing) {
				throw new CliFailure(ExitCodes.BAD_INPUT, missing.getMessage());
			}
		}
		Output.write(text, this.options.output(), this.streams.out());
		return ExitCodes.DONE;
	}

	private static String local(ConfigurableApplicationContext context, UUID id, boolean json) {
		String owner = context.getBean(Owners.class).current();
		JsonMapper mapper = context.getBean(JsonMapper.class);
		try {
			SummaryView summary = context.getBean(Library.class).get(id, owner);
			return json ? mapper.writeValueAsString(summary) : summary.summaryMarkdown();
		}
		catch (ApiException notASummary) {
			try {
				CollectionView collection = context.getBean(Collections.class).view(id, owner);
				return json ? mapper.writeValueAsString(collection)
						: CollectionText.markdown(mapper.valueToTree(collection));
			}
			catch (ApiException notACollection) {
				throw notASummary;
			}
		}
	}

}
