package io.sightline.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watch}: follow a task on a server; Ctrl-C stops watching, never the task. */
@Command(name = "watch", mixinStandardHelpOptions = true,
		description = "Follow a task on a running server until it ends, then print its summary.",
		footer = { "%nExamples:", "  sightline watch 0b7c…-task-id --server http://localhost:8080",
				"  sightline watch 0b7c…-task-id --quiet      # print only the summary's id", ExitCodes.HELP })
class WatchCommand implements Callable<Integer> {

	@Parameters(paramLabel = "<task-id>")
	String taskId;

	@Mixin
	RemoteOptions remote;

	@Option(names = "--print", hidden = true, description = "print the summary (the default; kept for scripts)")
	boolean print;

	@Option(names = { "-q", "--quiet" },
			description = "print only the id of the summary (or of the collection) instead of the summary")
	boolean quiet;

	@Mixin
	SummarizeCommand.SummaryOptions options;

	private final Streams streams;

	WatchCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		if (!this.quiet) {
			return followAndPrint(this.remote.client(this.streams), this.taskId, this.options, this.streams);
		}
		TaskState end = follow(this.remote.client(this.streams), this.taskId, this.streams);
		int code = finish(end);
		this.streams.out().println((end.collectionId() != null) ? end.collectionId() : end.summaryId());
		return code;
	}

	static TaskState follow(ServerClient client, String taskId, Streams streams) {
		ProgressPrinter printer = new ProgressPrinter(streams.err(), streams.terminal());
		CollectionProgress items = new CollectionProgress((id) -> client.get("/api/collections/" + id));
		try {
			return client.follow(taskId, (state) -> {
				printer.show(state);
				items.show(state, printer);
			});
		}
		finally {
			printer.finish();
		}
	}

	static int followAndPrint(ServerClient client, String taskId, SummarizeCommand.SummaryOptions options,
			Streams streams) {
		TaskState end = follow(client, taskId, streams);
		int code = finish(end);
		if (end.collectionId() != null) {
			String path = "/api/collections/" + end.collectionId();
			Output.write(
					options.format().equals("json") ? client.getText(path) : CollectionText.markdown(client.get(path)),
					options.output(), streams.out());
			return code;
		}
		String path = "/api/summaries/" + end.summaryId();
		String text = options.format().equals("json") ? client.getText(path)
				: client.get(path).path("summary_markdown").asString();
		Output.write(text, options.output(), streams.out());
		return code;
	}

	/**
	 * Throws the failure for a task that did not complete; returns 0 for one that did.
	 */
	static int finish(TaskState end) {
		int code = ExitCodes.forEnd(end);
		if (code != ExitCodes.DONE) {
			throw new CliFailure(code, (end.error() != null) ? end.error() : "The task ended " + end.status() + ".");
		}
		return code;
	}

}
