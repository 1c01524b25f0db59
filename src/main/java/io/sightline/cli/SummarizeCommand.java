package io.sightline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sightline.collection.CollectionView;
import io.sightline.collection.Collections;
import io.sightline.intake.CreateSummaryRequest;
import io.sightline.intake.Intake;
import io.sightline.intake.TaskCreated;
import io.sightline.library.Library;
import io.sightline.library.SummaryView;
import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import io.sightline.task.Tasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code summarize}: the whole pipeline in this process, on this machine's data, without
 * a web server.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
		description = "Summarize a video, an article or a transcript file here, without a server.",
		footer = { "%nExamples:", "  sightline summarize talk.srt",
				"  sightline summarize https://www.youtube.com/watch?v=GJLlxj_dtq8 --length short --format json",
				"  sightline summarize notes.md --no-save --output summary.md", ExitCodes.HELP })
class SummarizeCommand implements Callable<Integer> {

	@Parameters(paramLabel = "<url-or-file>", description = "an http(s) address, or a .txt, .md, .srt or .vtt file")
	String target;

	@Mixin
	SummaryOptions options;

	@Option(names = "--no-save", description = "do not keep the summary in the library (uses a throw-away database)")
	boolean noSave;

	@Option(names = "--data-dir", description = "where the local database lives (default: as the server, ./data)")
	String dataDir;

	@Option(names = { "-s", "--set" }, paramLabel = "name=value",
			description = "a server setting for this run, such as sightline.youtube.proxy=http://proxy:3128")
	List<String> settings = new ArrayList<>();

	private final Streams streams;

	SummarizeCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		Input input = Input.of(this.target);
		ConfigurableApplicationContext context = LocalApp.start(this.dataDir, !this.noSave, true, this.settings);
		AtomicBoolean finished = new AtomicBoolean();
		Tasks tasks = context.getBean(Tasks.class);
		String owner = context.getBean(Owners.class).current();
		UUID[] running = new UUID[1];
		Thread onInterrupt = new Thread(() -> {
			if (!finished.get() && running[0] != null) {
				tasks.cancel(running[0], owner);
				this.streams.err().println();
				this.streams.err().println("Cancelled; nothing was saved.");
				// the cancel is committed; a job blocked on the network would hold a
				// graceful close for
				// seconds, and the job engine hands its execution back on the next start
				// anyway
				Runtime.getRuntime().halt(ExitCodes.CANCELLED);
			}
			context.close();
		}, "sightline-cancel");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		try {
			Optional<JsonNode> existing = existing(context, input, owner);
			if (existing.isPresent()) {
				finished.set(true);
				this.streams.err().println(SummaryOptions.offered(existing.get()));
				UUID id = UUID.fromString(existing.get().path("id").asString());
				SummaryView summary = context.getBean(Library.class).get(id, owner);
				Output.write(this.options.format().equals("json")
						? context.getBean(JsonMapper.class).writeValueAsString(summary) : summary.summaryMarkdown(),
						this.options.output(), this.streams.out());
				return ExitCodes.DONE;
			}
			TaskCreated created = create(context, input, owner);
			running[0] = created.taskId();
			if (created.followId() != null) {
				this.streams.err()
					.println("Following it: while `sightline serve` runs on this data, it checks for new items"
							+ " (sightline.follow.interval); see `sightline follows`.");
			}
			JsonMapper json = context.getBean(JsonMapper.class);
			Collections collections = context.getBean(Collections.class);
			CollectionProgress items = new CollectionProgress(
					(id) -> json.valueToTree(collections.view(UUID.fromString(id), owner)));
			TaskState end = follow(tasks, created.taskId(), owner, items);
			finished.set(true);
			if (!end.status().equals("completed")) {
				throw new CliFailure(ExitCodes.forEnd(end),
						(end.error() != null) ? end.error() : "The task ended " + end.status() + ".");
			}
			String text;
			if (end.collectionId() != null) {
				// a feed found at an address that looked like a page became a collection
				// too
				CollectionView collection = collections.view(UUID.fromString(end.collectionId()), owner);
				text = this.options.format().equals("json") ? json.writeValueAsString(collection)
						: CollectionText.markdown(json.valueToTree(collection));
			}
			else {
				SummaryView summary = context.getBean(Library.class).get(created.summaryId(), owner);
				text = this.options.format().equals("json") ? json.writeValueAsString(summary)
						: summary.summaryMarkdown();
			}
			Output.write(text, this.options.output(), this.streams.out());
			return ExitCodes.DONE;
		}
		finally {
			finished.set(true);
			try {
				Runtime.getRuntime().removeShutdownHook(onInterrupt);
				context.close();
			}
			catch (IllegalStateException shuttingDown) {
				// Ctrl-C: the hook cancels and closes
			}
		}
	}

	/** The library's summary of the address, when it is what the options ask for. */
	private Optional<JsonNode> existing(ConfigurableApplicationContext context, Input input, String owner) {
		if (input.url() == null || this.noSave) {
			return Optional.empty();
		}
		JsonMapper json = context.getBean(JsonMapper.class);
		return context.getBean(Library.class)
			.existing(owner, input.url())
			.<JsonNode>map(json::valueToTree)
			.filter(this.options::wants);
	}

	private TaskCreated create(ConfigurableApplicationContext context, Input input, String owner) {
		Intake intake = context.getBean(Intake.class);
		try {
			if (input.isRecording()) {
				return intake.uploadRecording(owner, input.fileName(), input.head(),
						(path) -> Files.copy(input.file(), path), this.options.request(null));
			}
			if (input.isFile()) {
				return intake.upload(owner, input.fileName(), input.bytes(), this.options.request(null));
			}
			return intake.url(owner, this.options.request(input.url()));
		}
		catch (ApiException refused) {
			throw new CliFailure(ExitCodes.BAD_INPUT, refused.getMessage());
		}
	}

	private TaskState follow(Tasks tasks, UUID taskId, String owner, CollectionProgress items) {
		ProgressPrinter printer = new ProgressPrinter(this.streams.err(), this.streams.terminal());
		while (true) {
			TaskState state = TaskState.of(tasks.get(taskId, owner).view());
			printer.show(state);
			items.show(state, printer);
			if (state.isFinished()) {
				return state;
			}
			sleep(Duration.ofMillis(100));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliFailure(ExitCodes.CANCELLED, "Interrupted.");
		}
	}

	/** The options every summarizing command shares. */
	static class SummaryOptions {

		@Option(names = "--summarizer", description = "extractive (default, offline) or llm (needs a model)")
		String summarizer;

		@Option(names = "--length", description = "short, medium (default) or long")
		String length;

		@Option(names = "--language", description = "language code of the captions or transcript, such as en or de")
		String language;

		@Option(names = "--summary-language",
				description = "write the summary in this language (a code such as de; llm summarizer), or auto")
		String summaryLanguage;

		@Option(names = "--transcript", paramLabel = "FROM",
				description = "auto (default: captions, else speech-to-text), captions (never transcribe) or asr"
						+ " (transcribe a video's audio even when it has captions)")
		String transcript;

		@Option(names = "--limit", paramLabel = "N",
				description = "how many items of a playlist, channel or feed to summarize (default 25)")
		Integer limit;

		@Option(names = "--since", paramLabel = "DATE",
				description = "only the items of a channel or feed published since this date, such as 2026-11-01")
		String since;

		@Option(names = "--follow",
				description = "follow the channel or feed: a server checks it every few hours and summarizes what"
						+ " is new (see: sightline follows)")
		boolean follow;

		@Option(names = "--format", defaultValue = "markdown", description = "markdown (default) or json")
		String format;

		@Option(names = "--again",
				description = "summarize the address even when the library has it with these options already")
		boolean again;

		@Option(names = { "-o", "--output" }, paramLabel = "FILE",
				description = "write the summary here, not to stdout")
		Path output;

		/** These options as the API's request, for {@code url} or (null) an upload. */
		CreateSummaryRequest request(String url) {
			return new CreateSummaryRequest(url, this.language, this.summarizer, this.length, this.summaryLanguage,
					this.transcript, this.limit, this.since, this.follow ? Boolean.TRUE : null);
		}

		/**
		 * Whether the library's summary (a version as
		 * {@code GET /api/summaries?source_url=} lists it) is what these options ask for:
		 * an address, not a list, without {@code --again}, and every option given is the
		 * one it was made with.
		 */
		boolean wants(JsonNode existing) {
			if (this.again || this.limit != null || this.since != null || this.follow) {
				return false;
			}
			return same(this.summarizer, existing.path("summarizer")) && same(this.length, existing.path("length"))
					&& same(this.summaryLanguage, existing.path("summary_language"));
		}

		private static boolean same(String asked, JsonNode made) {
			return asked == null || asked.isBlank() || asked.equalsIgnoreCase(made.asString(""));
		}

		/**
		 * The sentence that says the library's summary is printed instead of a new one.
		 */
		static String offered(JsonNode existing) {
			return "Already in your library (summarized "
					+ existing.path("created_at").asString("").replaceFirst("T.*", "") + " by "
					+ existing.path("summarizer").asString("") + "); printing it. Add --again to summarize it"
					+ " anew.";
		}

		/** How many items of a playlist, channel or feed, where given. */
		Integer limit() {
			return this.limit;
		}

		/** Whether to follow the channel or feed. */
		boolean follow() {
			return this.follow;
		}

		/** The text options that were given, by their names in the API. */
		Map<String, String> fields() {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("summarizer", this.summarizer);
			fields.put("length", this.length);
			fields.put("language", this.language);
			fields.put("summary_language", this.summaryLanguage);
			fields.put("transcript", this.transcript);
			fields.put("since", this.since);
			fields.values().removeIf(Objects::isNull);
			return fields;
		}

		String format() {
			if (!this.format.equals("markdown") && !this.format.equals("json")) {
				throw new CliFailure(ExitCodes.BAD_INPUT, "--format is markdown or json, not " + this.format + ".");
			}
			return this.format;
		}

		Path output() {
			return this.output;
		}

	}

}
