package io.sightline.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

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

/** {@code show}: one summary, as markdown or as the API's JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Print one summary, from this machine or a server.",
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
		if (this.remote.server != null) {
			ServerClient client = this.remote.client(this.streams);
			String path = "/api/summaries/" + this.summaryId;
			text = json ? client.getText(path) : client.get(path).path("summary_markdown").asString();
		}
		else {
			UUID id = AskCommand.summaryId(this.summaryId);
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, List.of())) {
				SummaryView summary = context.getBean(Library.class).get(id, context.getBean(Owners.class).current());
				text = json ? context.getBean(JsonMapper.class).writeValueAsString(summary) : summary.summaryMarkdown();
			}
			catch (ApiException missing) {
				throw new CliFailure(ExitCodes.BAD_INPUT, missing.getMessage());
			}
		}
		Output.write(text, this.options.output(), this.streams.out());
		return ExitCodes.DONE;
	}

}
