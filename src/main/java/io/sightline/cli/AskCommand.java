package io.sightline.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.sightline.library.QuestionAnswer;
import io.sightline.library.Questions;
import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ask}: a question about a summary's video or text, answered from its transcript.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
		description = "Ask about a summarized video or text; the answer comes from its transcript, with the moments.",
		footer = { "%nExamples:", "  sightline ask 3f2a…-summary-id \"What did they say about code reviews?\"",
				"  sightline ask 3f2a…-summary-id \"Who spoke first?\" --server http://localhost:8080 --format json",
				ExitCodes.HELP })
class AskCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<summary-id>")
	String summaryId;

	@Parameters(index = "1", paramLabel = "<question>")
	String question;

	@Mixin
	RemoteOptions remote;

	@Option(names = "--format", defaultValue = "text", description = "text (default) or json")
	String format;

	@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
	String dataDir;

	private final Streams streams;

	AskCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		boolean json = this.format.equals("json");
		String text;
		if (this.remote.remote(this.streams)) {
			ServerClient client = this.remote.client(this.streams);
			JsonNode answer = client.postJson("/api/summaries/" + this.summaryId + "/questions",
					JsonMapper.shared().createObjectNode().put("question", this.question));
			text = json ? answer.toString() : answer.path("answer").asString();
		}
		else {
			UUID id = summaryId(this.summaryId);
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, List.of())) {
				QuestionAnswer answer = context.getBean(Questions.class)
					.ask(id, context.getBean(Owners.class).current(), this.question);
				text = json ? context.getBean(JsonMapper.class).writeValueAsString(answer) : answer.answer();
			}
			catch (ApiException refused) {
				throw new CliFailure(ExitCodes.BAD_INPUT, refused.getMessage());
			}
		}
		this.streams.out().println(text);
		return ExitCodes.DONE;
	}

	static UUID summaryId(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					value + " is not a summary id; list them with: sightline library");
		}
	}

}
