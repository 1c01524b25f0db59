package io.sightline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.PodcastFeeds;
import io.sightline.support.ServerProcess;
import io.sightline.support.TestDatabases;
import io.sightline.support.TestSources;
import io.sightline.support.YouTubeReplay;
import io.sightline.support.YouTubeReplay.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command, its exit codes and its plain (non-terminal) output, against a server
 * running in this JVM on the same data dir that the local commands use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SightlineApplication.class, TestSources.class })
class CliTest {

	static final Path DATA_DIR = TestDatabases.freshDataDir();

	static final String TALK = "src/test/resources/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.srt";

	static final YouTubeReplay youtube = new YouTubeReplay().withRecordedLists();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	String server;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2Properties(DATA_DIR).forEach((key, value) -> registry.add(key, () -> value));
		TestDatabases.fastSettingsMap().forEach((key, value) -> registry.add(key, () -> value));
		// the server's job engine shares the data dir with the local commands, so it may
		// run their jobs too
		registry.add("sightline.youtube.base-url", youtube::baseUrl);
	}

	@AfterAll
	static void stop() {
		youtube.close();
	}

	@BeforeEach
	void server() {
		this.server = "http://127.0.0.1:" + this.port;
	}

	private static String readTalk() {
		try {
			return Files.readString(Path.of(TALK));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String[] local(String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--data-dir";
		all[args.length + 1] = DATA_DIR.toString();
		all[args.length + 2] = "--set";
		all[args.length + 3] = "sightline.pipeline.initial-backoff=100ms";
		return all;
	}

	@Test
	void summarizePrintsMarkdownWithATldrAndTimedKeyPointsAndOneLinePerStage() {
		CliRun run = CliRun.of(local("summarize", TALK));
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("# IO2009-The Myth of the Genius Programmer")
			.contains("**TL;DR:**")
			.containsPattern("- \\*\\*\\[\\d+:\\d\\d\\]\\*\\* ");
		assertThat(run.err()).contains("[100%] Summary ready").doesNotContain("\r").doesNotContain("Exception");
	}

	@Test
	void jsonIsTheSameDocumentTheApiServes() {
		CliRun run = CliRun.of(local("summarize", TALK, "--format", "json", "--length", "short"));
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode printed = JSON.readTree(run.out());
		JsonNode served = new Api(this.port).get("/api/summaries/" + printed.get("id").asText()).json();
		assertThat(printed).isEqualTo(served);
		assertThat(printed.get("key_points")).hasSize(5);

		CliRun shown = CliRun.of("show", printed.get("id").asText(), "--format", "json", "--server", this.server);
		assertThat(JSON.readTree(shown.out())).isEqualTo(served);
	}

	@Test
	void noSaveLeavesTheLibraryAloneAndOutputCanGoToAFile() throws IOException {
		Path file = Files.createTempFile("summary-", ".md");
		long before = new Api(this.port).get("/api/library").json().get("total").asLong();
		CliRun run = CliRun.of("summarize", TALK, "--no-save", "--output", file.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).isEmpty();
		assertThat(Files.readString(file)).contains("**TL;DR:**");
		assertThat(new Api(this.port).get("/api/library").json().get("total").asLong()).isEqualTo(before);
	}

	@Test
	void aMistypedCommandIsRefusedWithASuggestionAndStartsNothing() {
		assertThat(Cli.isCommand(new String[] { "sumarize", "x.srt" })).isTrue();
		assertThat(Cli.isCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(Cli.isCommand(new String[] { "serve", "--server.port=9090" })).isFalse();
		assertThat(Cli.isCommand(new String[0])).isFalse();

		CliRun typo = CliRun.of("sumarize", "x.srt");

		assertThat(typo.exitCode()).isEqualTo(2);
		assertThat(typo.err().strip())
			.isEqualTo("There is no command sumarize; did you mean summarize? See sightline --help.");
	}

	@Test
	void badInputIsOneSentenceAndExitCode2() throws IOException {
		CliRun missing = CliRun.of("summarize", "no-such-file.srt");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err().strip())
			.isEqualTo("There is no file no-such-file.srt; check the path, or give an http(s) address.");

		Path pdf = Files.createTempFile("slides-", ".pdf");
		CliRun unsupported = CliRun.of("summarize", pdf.toString());
		assertThat(unsupported.exitCode()).isEqualTo(2);
		assertThat(unsupported.err().strip()).startsWith("Files like " + pdf.getFileName() + " cannot be summarized;");

		CliRun usage = CliRun.of("summarize", TALK, "--no-such-option");
		assertThat(usage.exitCode()).isEqualTo(2);
		assertThat(usage.err()).contains("--no-such-option").contains("--help");

		CliRun refused = CliRun.of("submit", "https://www.youtube.com/playlist", "--server", this.server);
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err().strip())
			.startsWith("https://www.youtube.com/playlist is a playlist page that names no" + " playlist");
		Path episode = Files.write(Files.createTempFile("episode-", ".mp3"),
				new byte[] { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0 });
		CliRun recording = CliRun.of("submit", episode.toString(), "--server", this.server);
		assertThat(recording.exitCode()).isEqualTo(2);
		assertThat(recording.err().strip())
			.startsWith("This server cannot transcribe recordings: set sightline.asr.base-url");
		assertThat(missing.err() + unsupported.err() + refused.err() + recording.err()).doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void anUnreachableServerIsOneSentenceAndExitCode1() {
		CliRun run = CliRun.of("submit", TALK, "--server", "http://127.0.0.1:9", "--wait");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err().strip()).isEqualTo("Could not reach the Sightline server at http://127.0.0.1:9"
				+ " (ConnectException); check the address and that the server is running.");
	}

	@Test
	void submitWaitFollowsTheTaskAndPrintsTheSummaryThenWatchLibraryAndShowWork() {
		CliRun submitted = CliRun.of("submit", TALK, "--server", this.server, "--wait", "--length", "long");
		assertThat(submitted.exitCode()).as(submitted.err()).isZero();
		assertThat(submitted.out()).contains("**TL;DR:**");
		assertThat(submitted.err()).contains("[100%] Summary ready");

		CliRun queued = CliRun.of("submit", TALK, "--server", this.server);
		assertThat(queued.exitCode()).isZero();
		String taskId = queued.out().strip();
		assertThat(UUID.fromString(taskId)).isNotNull();
		CliRun watched = CliRun.of("watch", taskId, "--server", this.server);
		assertThat(watched.exitCode()).as(watched.err()).isZero();
		assertThat(watched.err()).contains("Summary ready");
		assertThat(watched.out()).contains("**TL;DR:**");
		CliRun quiet = CliRun.of("watch", taskId, "--server", this.server, "--quiet");
		assertThat(quiet.exitCode()).as(quiet.err()).isZero();
		assertThat(UUID.fromString(quiet.out().strip())).isNotNull();

		CliRun listed = CliRun.of("library", "--server", this.server, "--query", "genius");
		assertThat(listed.exitCode()).isZero();
		assertThat(listed.out().lines()).isNotEmpty().allSatisfy((line) -> assertThat(line.split("\t")).hasSize(4));
		String summaryId = listed.out().lines().findFirst().orElseThrow().split("\t")[0];
		CliRun shown = CliRun.of("show", summaryId, "--server", this.server);
		assertThat(shown.out()).startsWith("# IO2009-The Myth of the Genius Programmer");

		CliRun asked = CliRun.of("ask", summaryId, "What do they say about code reviews?", "--server", this.server);
		assertThat(asked.exitCode()).as(asked.err()).isZero();
		assertThat(asked.out()).startsWith("The transcript says: [");
		CliRun notAnId = CliRun.of("ask", "not-an-id", "Why?");
		assertThat(notAnId.exitCode()).isEqualTo(2);
		assertThat(notAnId.err()).contains("is not a summary id");

		CliRun nothing = CliRun.of("library", "--server", this.server, "--query", "no such words anywhere");
		assertThat(nothing.out()).isEmpty();
		assertThat(nothing.err()).contains("No summary matches");

		CliRun deleted = CliRun.of("delete", summaryId, "--server", this.server);
		assertThat(deleted.exitCode()).as(deleted.err()).isZero();
		assertThat(deleted.err()).contains("Deleted the summary " + summaryId);
		assertThat(CliRun.of("show", summaryId, "--server", this.server).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(CliRun.of("delete", summaryId, "--server", this.server).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
	}

	@Test
	void aPlaylistPrintsEachVideoWithWhereItEndedOnTheServerAndLocally() {
		String playlist = "https://www.youtube.com/playlist?list=PLoumn5BIsUDeGF1vy5Nylf_RJKn5aL_nr";
		CliRun remote = CliRun.of("submit", playlist, "--server", this.server, "--wait", "--limit", "3");
		assertThat(remote.exitCode()).as(remote.err()).isZero();
		assertThat(remote.out()).startsWith("# TOP 150 Songs 2026")
			.contains("1. [Alex Warren - Ordinary (Official Video)](https://www.youtube.com/watch?v=u2ah9tWTkmk) —"
					+ " summarized: `sightline show ");
		assertThat(remote.out().lines().filter((line) -> line.matches("^\\d+\\. .*"))).hasSize(3);
		// the items as they end (and start, when a read of them falls while they run),
		// above the bar
		assertThat(remote.err()).contains("[1/3] summarized: Alex Warren - Ordinary (Official Video)")
			.contains("[3/3] summarized: ");

		CliRun local = CliRun.of(local("summarize", playlist, "--set",
				"sightline.youtube.base-url=" + youtube.baseUrl(), "--set", "sightline.intake.collection-limit=2"));
		assertThat(local.exitCode()).as(local.err()).isZero();
		assertThat(local.out().lines().filter((line) -> line.matches("^\\d+\\. .*"))).hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("— summarized: `sightline show "));
		assertThat(local.err()).contains("[2/2] summarized: ");
	}

	@Test
	void sightlineServerInTheEnvironmentNamesTheServerAndTheLibraryComesAsJsonUpToALimit() {
		assertThat(CliRun.of(local("summarize", TALK)).exitCode()).isZero();
		CliRun json = CliRun.withEnvironment(Map.of("SIGHTLINE_SERVER", this.server), "library", "--format", "json",
				"--limit", "1");
		assertThat(json.exitCode()).as(json.err()).isZero();
		JsonNode page = JSON.readTree(json.out());
		assertThat(page.get("size").asInt()).isEqualTo(1);
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("total").asInt()).isPositive();
		CliRun shown = CliRun.withEnvironment(Map.of("SIGHTLINE_SERVER", this.server), "show",
				page.get("items").get(0).get("id").asString());
		assertThat(shown.exitCode()).as(shown.err()).isZero();
		CliRun badLimit = CliRun.of("library", "--limit", "0", "--server", this.server);
		assertThat(badLimit.exitCode()).isEqualTo(2);
		assertThat(badLimit.err()).contains("--limit is from 1 to 100");
		CliRun nowhere = CliRun.withEnvironment(Map.of(), "watch", "some-task");
		assertThat(nowhere.exitCode()).isEqualTo(2);
		assertThat(nowhere.err()).contains("SIGHTLINE_SERVER");
	}

	@Test
	void theConfigFileNamesTheServerAndItsFollowsComeAsJson() throws IOException {
		Path config = Files.createTempDirectory("config-");
		Files.createDirectories(config.resolve("sightline"));
		Files.writeString(config.resolve("sightline/config"), "# where Sightline runs\nserver = " + this.server + "\n");
		Map<String, String> environment = Map.of("XDG_CONFIG_HOME", config.toString());
		CliRun follows = CliRun.withEnvironment(environment, "follows", "--format", "json");
		assertThat(follows.exitCode()).as(follows.err()).isZero();
		assertThat(JSON.readTree(follows.out()).isArray()).isTrue();
		CliRun library = CliRun.withEnvironment(environment, "library", "--format", "json", "--limit", "1");
		assertThat(library.exitCode()).as(library.err()).isZero();
		assertThat(JSON.readTree(library.out()).has("total")).isTrue();

		Files.writeString(config.resolve("sightline/config"), "server: nowhere\n");
		CliRun broken = CliRun.withEnvironment(environment, "library");
		assertThat(broken.exitCode()).isEqualTo(2);
		assertThat(broken.err()).contains("Line 1 of " + config.resolve("sightline/config"));
	}

	@Test
	void aVideoTheLibraryHasIsPrintedFromItUnlessAskedAgainOrWithOtherOptions() {
		String replay = "sightline.youtube.base-url=" + youtube.baseUrl();
		CliRun first = CliRun
			.of(local("summarize", "https://www.youtube.com/watch?v=" + YouTubeReplay.VIDEO, "--set", replay));
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.err()).doesNotContain("Already in your library");

		CliRun second = CliRun.of(local("summarize", "https://youtu.be/" + YouTubeReplay.VIDEO, "--set", replay));
		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.err()).contains("Already in your library").doesNotContain("Summary ready");
		assertThat(second.out()).isEqualTo(first.out());
		CliRun remote = CliRun.of("submit", "https://youtu.be/" + YouTubeReplay.VIDEO, "--wait", "--server",
				this.server);
		assertThat(remote.exitCode()).as(remote.err()).isZero();
		assertThat(remote.err()).contains("Already in your library");

		CliRun again = CliRun
			.of(local("summarize", "https://youtu.be/" + YouTubeReplay.VIDEO, "--again", "--set", replay));
		assertThat(again.err()).contains("Summary ready").doesNotContain("Already in your library");
		CliRun longer = CliRun
			.of(local("summarize", "https://youtu.be/" + YouTubeReplay.VIDEO, "--length", "long", "--set", replay));
		assertThat(longer.err()).contains("Summary ready").doesNotContain("Already in your library");
	}

	@Test
	void helpIsAsWideAsTheTerminalSoAddressesAreNotBrokenInTwo() {
		CliRun wide = CliRun.withEnvironment(Map.of("COLUMNS", "200"), "token", "--help");
		assertThat(wide.out()).contains(
				"  SIGHTLINE_TOKEN=$(cat alice.token) sightline submit talk.srt --server https://sightline.example");
	}

	@Test
	void aFeedIsFollowedFromTheCommandLineAndItsFollowListedPausedAndRemovedHereAndOnTheServer() {
		PodcastFeeds host = new PodcastFeeds();
		host.serve("/feed.xml", "application/rss+xml", PodcastFeeds.rss("Command line show",
				host.episode(1, "Too old", "Mon, 05 Oct 2026 10:00:00 GMT", "/t.srt", "application/x-subrip"),
				host.episode(2, "Recent enough", "Mon, 09 Nov 2026 10:00:00 GMT", "/t.srt", "application/x-subrip")))
			.serve("/t.srt", "application/x-subrip", readTalk());
		CliRun followed = CliRun.of(local("summarize", host.url("/feed.xml"), "--since", "2026-11-01", "--follow",
				"--set", "sightline.fetch.allow-private-networks=true"));
		assertThat(followed.exitCode()).as(followed.err()).isZero();
		assertThat(followed.out()).startsWith("# Command line show")
			.contains("Recent enough")
			.doesNotContain("Too old");
		assertThat(followed.err()).contains("Following it");

		CliRun listed = CliRun.of("follows", "--data-dir", DATA_DIR.toString());
		assertThat(listed.exitCode()).as(listed.err()).isZero();
		String line = listed.out().lines().filter((l) -> l.endsWith("Command line show")).findFirst().orElseThrow();
		String id = line.substring(0, line.indexOf('\t'));
		assertThat(line).contains("\tnext ").contains("\t1 collections\t");

		CliRun paused = CliRun.of("follows", "--pause", id, "--data-dir", DATA_DIR.toString());
		assertThat(paused.out()).contains(id + "\tpaused\t");
		CliRun onServer = CliRun.of("follows", "--server", this.server, "--remove", id);
		assertThat(onServer.exitCode()).as(onServer.err()).isZero();
		assertThat(onServer.out()).doesNotContain(id);
		CliRun unknown = CliRun.of("follows", "--resume", "not-an-id", "--data-dir", DATA_DIR.toString());
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("is not a follow's id");
	}

	@Test
	void aSourceThatFailsForGoodExits3AndOneThatKeepsFailingExits4() {
		youtube.player("Unavailable", Answer.file("youtube_video_unavailable.innertube.json.static"));
		CliRun unavailable = CliRun.of(local("summarize", "https://www.youtube.com/watch?v=Unavailable", "--set",
				"sightline.youtube.base-url=" + youtube.baseUrl()));
		assertThat(unavailable.exitCode()).as(unavailable.err()).isEqualTo(3);
		assertThat(unavailable.err().strip())
			.endsWith("Video Unavailable is unavailable: it may have been removed, or the"
					+ " address may be wrong; check the address.");

		youtube.player("BotBlocked1", Answer.file("youtube_request_blocked.innertube.json.static"));
		CliRun blocked = CliRun.of(local("summarize", "https://www.youtube.com/watch?v=BotBlocked1", "--set",
				"sightline.youtube.base-url=" + youtube.baseUrl()));
		assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(4);
		assertThat(blocked.err()).as(blocked.err()).contains("Gave up after 3 attempts: YouTube is blocking requests");
	}

	@Test
	void watchingACancelledTaskExits5() {
		String gate = UUID.randomUUID().toString();
		Api api = new Api(this.port);
		String taskId = api.createFromUrl("https://gated.test/" + gate).json().get("task_id").asText();
		CompletableFuture<CliRun> watching = CompletableFuture
			.supplyAsync(() -> CliRun.of("watch", taskId, "--server", this.server));
		await().until(() -> api.get("/api/progress/" + taskId)
			.json()
			.get("stage")
			.asText()
			.startsWith("Reading the transcript"));
		api.post("/api/progress/" + taskId + "/cancel");
		TestSources.open(gate);
		CliRun watched = watching.join();
		assertThat(watched.exitCode()).isEqualTo(5);
		assertThat(watched.err().strip()).endsWith("The task ended cancelled.");
	}

	@Test
	void aServerKilledMidTaskEndsSubmitWaitWithExitCode1AndASentence() throws Exception {
		Path gates = Files.createTempDirectory("gates-");
		Path log = Files.createTempFile("server-", ".log");
		try (ServerProcess other = ServerProcess.start(TestDatabases.h2Properties(TestDatabases.freshDataDir()), gates,
				log)) {
			CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> CliRun.of("submit",
					"https://gated.test/kill-" + UUID.randomUUID(), "--server", other.baseUrl(), "--wait"));
			// the command follows the task's events before the server dies
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> other.api()
					.get("/actuator/prometheus")
					.body()
					.lines()
					.anyMatch((line) -> line.startsWith("sightline_progress_subscribers") && line.endsWith(" 1.0")));
			other.kill();
			CliRun run = waiting.get(60, TimeUnit.SECONDS);
			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(run.err().strip()).contains("Lost contact with the server at " + other.baseUrl())
				.contains("sightline watch");
			assertThat(run.err()).doesNotContain("Exception");
		}
	}

	@Test
	void interruptingALocalSummarizeCancelsItsTaskSavesNothingAndExits5() throws Exception {
		youtube.slow("SlowVideo01", Duration.ofSeconds(15));
		Path dataDir = TestDatabases.freshDataDir();
		Path err = Files.createTempFile("cli-", ".err");
		Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SightlineApplication.class.getName(), "summarize",
				"https://www.youtube.com/watch?v=SlowVideo01", "--data-dir", dataDir.toString(), "--set",
				"sightline.youtube.base-url=" + youtube.baseUrl())
			.redirectErrorStream(false)
			.redirectError(err.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(err).contains("Reading source information"));
		cli.destroy(); // SIGTERM: the JVM runs its shutdown hooks as on Ctrl-C
		assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(cli.exitValue()).isEqualTo(5);
		assertThat(Files.readString(err)).contains("Cancelled; nothing was saved.");

		CliRun listed = CliRun.of("library", "--data-dir", dataDir.toString());
		assertThat(listed.out()).isEmpty();
		assertThat(listed.err()).contains("The library is empty");
	}

	@Test
	void helpShowsExamplesAndExitCodes() {
		CliRun help = CliRun.of("summarize", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Examples:")
			.contains("sightline summarize talk.srt")
			.contains("Exit codes: 0 done");
		assertThat(Cli.isCommand(new String[] { "summarize" })).isTrue();
		assertThat(Cli.isCommand(new String[] { "--server.port=9000" })).isFalse();
		assertThat(Cli.isCommand(new String[0])).isFalse();
		assertThat(Map.of()).isEmpty();
	}

}
