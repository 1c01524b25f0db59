package io.sightline.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code submit}: send to a running server; with {@code --wait}, follow it and print the
 * summary.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
		description = "Send a video, an article or a file to a running server.",
		footer = { "%nExamples:",
				"  sightline submit https://www.youtube.com/watch?v=GJLlxj_dtq8 --server http://localhost:8080",
				"  sightline submit talk.srt --server http://localhost:8080 --wait --format json", ExitCodes.HELP })
class SubmitCommand implements Callable<Integer> {

	@Parameters(paramLabel = "<url-or-file>", description = "an http(s) address, or a .txt, .md, .srt or .vtt file")
	String target;

	@Mixin
	SummarizeCommand.SummaryOptions options;

	@Mixin
	RemoteOptions remote;

	@Option(names = "--wait", description = "follow the task and print the summary when it is ready")
	boolean await;

	private final Streams streams;

	SubmitCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		Input input = Input.of(this.target);
		ServerClient client = this.remote.client(this.streams);
		if (this.await && input.url() != null) {
			JsonNode existing = client
				.get("/api/summaries?source_url=" + URLEncoder.encode(input.url(), StandardCharsets.UTF_8));
			if (!existing.isEmpty() && this.options.wants(existing.get(0))) {
				this.streams.err().println(SummarizeCommand.SummaryOptions.offered(existing.get(0)));
				String path = "/api/summaries/" + existing.get(0).path("id").asString();
				Output.write(
						this.options.format().equals("json") ? client.getText(path)
								: client.get(path).path("summary_markdown").asString(),
						this.options.output(), this.streams.out());
				return ExitCodes.DONE;
			}
		}
		JsonNode created = client.submit(input, this.options);
		String taskId = created.path("task_id").asString();
		if (!this.await) {
			this.streams.out().println(taskId);
			this.streams.err()
				.println("Submitted; follow it with: sightline watch " + taskId + " --server "
						+ this.remote.server(this.streams));
			return ExitCodes.DONE;
		}
		return WatchCommand.followAndPrint(client, taskId, this.options, this.streams);
	}

}
