package io.sightline.cli;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.sightline.library.Library;
import io.sightline.system.Owners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * {@code library}: the summaries, newest first, from this machine or a server; one per
 * line, tab-separated.
 */
@Command(name = "library", mixinStandardHelpOptions = true,
		description = "List summaries, newest first: id, date, source type, title.",
		footer = { "%nExamples:", "  sightline library",
				"  sightline library --query genius --server http://localhost:8080", ExitCodes.HELP })
class LibraryCommand implements Callable<Integer> {

	@Mixin
	RemoteOptions remote;

	@Option(names = { "-q", "--query" }, description = "only summaries whose title or text contains this")
	String query;

	@Option(names = "--data-dir", description = "where the local database lives (default ./data)")
	String dataDir;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "100",
			description = "at most this many entries, newest first (default 100, at most 100)")
	int limit;

	@Option(names = "--format", defaultValue = "text",
			description = "text (default: a tab-separated line each) or json (the API's page)")
	String format;

	private final Streams streams;

	LibraryCommand(Streams streams) {
		this.streams = streams;
	}

	@Override
	public Integer call() {
		JsonNode page;
		if (this.remote.remote(this.streams)) {
			page = page(this.remote.client(this.streams));
		}
		else {
			try (ConfigurableApplicationContext context = LocalApp.start(this.dataDir, true, false, List.of())) {
				JsonMapper json = context.getBean(JsonMapper.class);
				page = json.readTree(json.writeValueAsString(context.getBean(Library.class)
					.page(context.getBean(Owners.class).current(), this.query, 0, size())));
			}
			catch (LocalApp.DataDirInUse inUse) {
				// a server holds this machine's library: it answers instead
				this.streams.err()
					.println("The data dir is in use by the server at " + inUse.server() + "; asking it.");
				page = page(this.remote.client(this.streams, inUse.server()));
			}
		}
		if (format().equals("json")) {
			this.streams.out().println(page.toString());
			return ExitCodes.DONE;
		}
		List<String> lines = new ArrayList<>();
		for (JsonNode item : page.path("items")) {
			boolean collection = item.path("kind").asString("summary").equals("collection");
			String title = item.path("title").asString()
					+ (collection ? " (" + item.path("item_count").asInt() + " items; sightline show opens them)" : "")
					+ (item.hasNonNull("collection_title") ? " (in " + item.path("collection_title").asString() + ")"
							: "");
			lines.add(String.join("\t", item.path("id").asString(), item.path("created_at").asString().substring(0, 10),
					item.path("source_type").asString(), title));
		}
		lines.forEach(this.streams.out()::println);
		if (lines.isEmpty()) {
			this.streams.err()
				.println((this.query != null) ? "No summary matches \"" + this.query + "\"."
						: "The library is empty; summarize something with: sightline summarize <url-or-file>");
		}
		else if (page.path("total").asLong() > lines.size()) {
			this.streams.err()
				.println(String.format(Locale.ROOT, "(%d of %d shown; narrow it with --query)", lines.size(),
						page.path("total").asLong()));
		}
		return ExitCodes.DONE;
	}

	private JsonNode page(ServerClient client) {
		return client.get("/api/library?size=" + size()
				+ ((this.query != null) ? "&q=" + URLEncoder.encode(this.query, UTF_8) : ""));
	}

	private int size() {
		if (this.limit < 1 || this.limit > 100) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "--limit is from 1 to 100, not " + this.limit + ".");
		}
		return this.limit;
	}

	private String format() {
		if (!this.format.equals("text") && !this.format.equals("json")) {
			throw new CliFailure(ExitCodes.BAD_INPUT, "--format is text or json, not " + this.format + ".");
		}
		return this.format;
	}

}
