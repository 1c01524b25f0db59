package io.sightline.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestDatabases;
import io.sightline.support.TestSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind across the API: each case gets a 4xx whose body is Problem
 * Details with a {@code detail} sentence (no stack trace, no SQL), never a 5xx;
 * afterwards the server is healthy and a summary made before the suite is untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { SightlineApplication.class, TestSources.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

	static final String TALK = "IO2009-The_Myth_of_the_Genius_Programmer.srt";

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@LocalServerPort
	int port;

	Api api;

	String sentinelTask;

	String sentinelSummary;

	JsonNode sentinelBefore;

	/** One bad request and the status it must get. */
	record Case(String name, String method, String path, Map<String, String> headers, byte[] body, int expected) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@BeforeAll
	void sentinel() throws IOException {
		this.api = new Api(this.port);
		JsonNode created = this.api.upload(TALK, resource(TALK)).json();
		this.sentinelTask = created.get("task_id").asString();
		this.sentinelSummary = created.get("summary_id").asString();
		this.api.pollUntilFinished(this.sentinelTask);
		this.sentinelBefore = this.api.get("/api/summaries/" + this.sentinelSummary).json();
	}

	@AfterAll
	void serverStillHealthyAndTheSentinelUntouched() {
		assertThat(this.api.get("/actuator/health").status()).isEqualTo(200);
		assertThat(this.api.get("/api/summaries/" + this.sentinelSummary).json()).isEqualTo(this.sentinelBefore);
		assertThat(this.api.get("/api/progress/" + this.sentinelTask).json().get("status").asString())
			.isEqualTo("completed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachBadRequestGetsA4xxWithASentence(Case bad) {
		Api.Response response = this.api.send(bad.method(), bad.path(), bad.headers(), bad.body());
		assertThat(response.status()).as(bad.name() + ": " + response.body()).isEqualTo(bad.expected());
		assertThat(response.header("Content-Type")).as(bad.name()).startsWith("application/problem+json");
		String detail = response.json().path("detail").asString("");
		assertThat(detail).as(bad.name())
			.isNotBlank()
			.endsWith(".")
			.doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContainIgnoringCase("select ")
			.doesNotContain("SQL");
	}

	@Test
	void racingCancelsAndDeletesOfOneTaskNeverAnswer5xx() {
		String gate = "race-" + UUID.randomUUID();
		String taskId = this.api.createFromUrl("https://gated.test/" + gate).json().get("task_id").asString();
		List<CompletableFuture<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			calls.add(
					CompletableFuture.supplyAsync(() -> this.api.post("/api/progress/" + taskId + "/cancel").status()));
			calls.add(CompletableFuture.supplyAsync(() -> this.api.delete("/api/progress/" + taskId).status()));
		}
		TestSources.open(gate);
		List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
		assertThat(statuses).allMatch((status) -> status < 500).contains(200);
		assertThat(statuses).allMatch((status) -> status == 200 || status == 404 || status == 409);
	}

	@Test
	void theUiAndTheApiSendSecurityHeaders() {
		for (String path : List.of("/", "/index.html", "/#/library")) {
			Api.Response response = this.api.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.header("Content-Security-Policy")).as(path)
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.contains("object-src 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
			assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
		}
		// the UI's page itself has no inline script for the policy to block
		assertThat(this.api.get("/").body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
		for (String path : List.of("/api/library", "/api/progress/" + this.sentinelTask, "/api/progress/not-a-uuid")) {
			Api.Response response = this.api.get(path);
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-store");
		}
	}

	@Test
	void theUisFilesGoCompressedItsHashedFilesAreKeptAYearAndTheFirstLoadIsUnder100Kb() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> page = gzipped(http, "/");
		assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
		List<String> assets = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"")
			.matcher(this.api.get("/").body())
			.results()
			.map((found) -> found.group(1))
			.toList();
		assertThat(assets).as("the page's script and styles").hasSizeGreaterThanOrEqualTo(2);
		long transferred = page.body().length;
		for (String asset : assets) {
			HttpResponse<byte[]> file = gzipped(http, asset);
			assertThat(file.statusCode()).as(asset).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Encoding")).as(asset).contains("gzip");
			assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(asset)
				.contains("max-age=31536000")
				.contains("immutable");
			transferred += file.body().length;
		}
		assertThat(transferred).as("bytes of the first load").isLessThan(100 * 1024);
	}

	private HttpResponse<byte[]> gzipped(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void sqlLikeSearchStringsFindNothingAndChangeNothing() {
		for (String q : List.of("' OR '1'='1", "%' OR 1=1 --", "\"; DROP TABLE summaries; --", "%", "_", "\\",
				"') UNION SELECT password_hash FROM users --")) {
			Api.Response found = this.api.get("/api/library?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
			assertThat(found.status()).as(q).isEqualTo(200);
			assertThat(found.json().get("total").asLong()).as(q).isZero();
		}
	}

	Stream<Case> cases() throws IOException {
		List<Case> cases = new ArrayList<>();
		String task = UUID.randomUUID().toString();
		// malformed and mistyped JSON
		json(cases, "malformed JSON", "{\"url\": ");
		json(cases, "JSON array instead of an object", "[\"https://example.com\"]");
		json(cases, "url as a number", "{\"url\": 12345}");
		json(cases, "url as an object", "{\"url\": {\"href\": \"https://example.com\"}}");
		json(cases, "url null", "{\"url\": null}");
		json(cases, "no url", "{}");
		json(cases, "empty url", "{\"url\": \"\"}");
		json(cases, "blank url", "{\"url\": \"   \"}");
		json(cases, "JSON string instead of an object", "\"https://example.com\"");
		json(cases, "empty body", "");
		json(cases, "trailing garbage after JSON", "{\"url\": \"https://example.com/a\"} trailing");
		json(cases, "deeply nested JSON", "[".repeat(5000) + "]".repeat(5000));
		cases.add(new Case("invalid UTF-8 in JSON", "POST", "/api/summaries", JSON,
				bytes(new byte[] { '{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }), 400));
		json(cases, "url longer than the limit", "{\"url\": \"https://example.com/" + "a".repeat(5_000) + "\"}");
		json(cases, "url field of 100,000 characters", "{\"url\": \"https://example.com/" + "a".repeat(100_000) + "\"}",
				413);
		json(cases, "request body over the JSON limit",
				"{\"url\": \"https://example.com/\", \"language\": \"" + "x".repeat(2_000_000) + "\"}", 413);
		json(cases, "summarizer of the wrong type",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"summarizer\": 7}");
		json(cases, "unknown summarizer",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"summarizer\": \"magic\"}");
		json(cases, "llm summarizer without a model",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"summarizer\": \"llm\"}");
		json(cases, "unknown length",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"length\": \"gigantic\"}");
		json(cases, "language that is not a code",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"language\": \"english please\"}");
		json(cases, "huge language", "{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"language\": \""
				+ "e".repeat(5000) + "\"}");
		json(cases, "unknown transcript choice",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"transcript\": \"whisper\"}");
		json(cases, "asr without speech-to-text configured",
				"{\"url\": \"https://www.youtube.com/watch?v=GJLlxj_dtq8\", \"transcript\": \"asr\"}");
		json(cases, "asr for a web article", "{\"url\": \"https://example.com/article\", \"transcript\": \"asr\"}");
		// addresses that are not web pages, or that point inward (SSRF), in every
		// notation
		for (String url : List.of("ftp://example.com/file.txt", "file:///etc/passwd", "javascript:alert(1)",
				"data:text/plain,hello", "gopher://127.0.0.1:70/", "https://", "http:///no-host", "not a url at all",
				"http://exa mple.com/", "http://example.com:99999/", "http://127.0.0.1/",
				"http://127.0.0.1:8080/api/library", "http://localhost/", "http://LOCALHOST./", "http://sub.localhost/",
				"http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/", "http://127.1/",
				"http://0/", "http://0.0.0.0/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/",
				"http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://169.254.169.254/latest/meta-data/",
				"http://[fe80::1]/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/",
				"http://[fd00::1]/", "http://100.64.0.1/", "http://user:pass@127.0.0.1/",
				"http://127.0.0.1.nip.io.localhost/",
				// a playlist page without a list, a channel page that is not its videos
				"https://www.youtube.com/playlist", "https://www.youtube.com/@GoogleDevelopers/community",
				"https://www.youtube.com/watch?v=tooShort")) {
			json(cases, "url " + url, "{\"url\": \"" + url.replace("\\", "\\\\") + "\"}");
		}
		// uploads
		cases.add(upload("empty file", "talk.srt", new byte[0], 400));
		cases.add(upload("binary PNG under .txt", "notes.txt", png(), 400));
		cases.add(upload("gzip bomb under .txt", "notes.txt", gzipBomb(), 400));
		cases.add(upload("zip archive under .vtt", "talk.vtt", zip(), 400));
		cases.add(upload("invalid UTF-8 in an .srt", "talk.srt",
				bytes(new byte[] { '1', '\n', '0', '0', ':', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\n' }), 400));
		// UTF-16 is read (issue 18), but not when it is cut inside a character
		byte[] utf16 = "\uFEFF1\n00:00:01,000 --> 00:00:02,000\nhello\n".getBytes(StandardCharsets.UTF_16LE);
		cases.add(upload("UTF-16 cut inside a character under .srt", "talk.srt", Arrays.copyOf(utf16, utf16.length + 1),
				400));
		cases.add(upload("SRT with no valid cue", "talk.srt",
				text("1\nnot a time --> nor this\nhello\n\n2\n00:00 --> 00:01\n"), 400));
		cases.add(upload("SRT whose cues end before they start", "talk.srt",
				text("1\n00:00:05,000 --> 00:00:01,000\nbackwards\n\n2\n00:00:09,000 --> 00:00:08,000\nagain\n"), 400));
		cases.add(upload("VTT without any cue", "talk.vtt", text("WEBVTT\n\nNOTE only a note here\n"), 400));
		cases.add(upload("VTT with broken timings only", "talk.vtt", text("WEBVTT\n\n00:01.000 -> 00:02.000\nhello\n"),
				400));
		cases.add(upload("text of only whitespace", "notes.txt", text(" \n\t\n  \r\n"), 400));
		cases.add(upload("NUL bytes under .md", "notes.md", bytes(new byte[] { 'h', 'i', 0, 0, 0, 'x' }), 400));
		cases.add(new Case("asr for a text upload", "POST", "/api/summaries",
				Map.of("Content-Type", "multipart/form-data; boundary=b"),
				text("--b\r\nContent-Disposition: form-data; name=\"transcript\"\r\n\r\nasr\r\n"
						+ "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n\r\n"
						+ "A sentence about software.\r\n--b--\r\n"),
				400));
		cases.add(upload("an executable", "setup.exe", text("MZ"), 415));
		cases.add(upload("no file name extension", "transcript", text("hello world"), 415));
		cases.add(upload("a path as file name", "../../etc/passwd", text("root:x:0:0"), 415));
		cases.add(upload("a PDF", "paper.pdf", text("%PDF-1.7"), 415));
		cases.add(upload("file over the upload limit", "big.txt", new byte[22 * 1024 * 1024], 413));
		cases.add(new Case("multipart without a file part", "POST", "/api/summaries",
				Map.of("Content-Type", "multipart/form-data; boundary=b"),
				text("--b\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--b--\r\n"), 400));
		cases.add(new Case("plain text body", "POST", "/api/summaries", Map.of("Content-Type", "text/plain"),
				text("https://example.com"), 415));
		cases.add(new Case("XML body", "POST", "/api/summaries", Map.of("Content-Type", "application/xml"),
				text("<url>https://example.com</url>"), 415));
		// ids, paths and parameters
		for (String path : List.of("/api/progress/not-a-uuid", "/api/progress/1",
				"/api/progress/..%252f..%252fetc%252fpasswd", "/api/summaries/' OR 1=1 --".replace(" ", "%20"),
				"/api/summaries/123e4567-e89b-12d3-a456", "/api/progress/" + "f".repeat(500),
				"/api/summaries/not-a-uuid/transcript")) {
			cases.add(new Case("id " + path, "GET", path, Map.of(), null, 400));
		}
		cases.add(new Case("unknown task", "GET", "/api/progress/" + task, Map.of(), null, 404));
		cases.add(new Case("unknown task's events", "GET", "/api/progress/" + task + "/events",
				Map.of("Accept", "text/event-stream"), null, 404));
		cases.add(new Case("unknown summary", "GET", "/api/summaries/" + task, Map.of(), null, 404));
		cases.add(new Case("unknown summary's transcript", "GET", "/api/summaries/" + task + "/transcript", Map.of(),
				null, 404));
		cases.add(new Case("cancel an unknown task", "POST", "/api/progress/" + task + "/cancel", Map.of(), null, 404));
		cases.add(new Case("delete an unknown task", "DELETE", "/api/progress/" + task, Map.of(), null, 404));
		cases.add(new Case("delete an unknown summary", "DELETE", "/api/summaries/" + task, Map.of(), null, 404));
		cases
			.add(new Case("Last-Event-ID that is not a number", "GET", "/api/progress/" + this.sentinelTask + "/events",
					Map.of("Accept", "text/event-stream", "Last-Event-ID", "abc"), null, 400));
		cases.add(new Case("negative page", "GET", "/api/library?page=-1", Map.of(), null, 400));
		cases.add(new Case("page that is not a number", "GET", "/api/library?page=two", Map.of(), null, 400));
		cases.add(new Case("page size zero", "GET", "/api/library?size=0", Map.of(), null, 400));
		cases.add(new Case("page size in the millions", "GET", "/api/library?size=5000000", Map.of(), null, 400));
		cases.add(new Case("page number past any int", "GET", "/api/library?page=99999999999999", Map.of(), null, 400));
		cases.add(new Case("search string of 1,000 characters", "GET", "/api/library?q=" + "a".repeat(1_000), Map.of(),
				null, 400));
		cases.add(new Case("request line of 10,000 characters (refused by the web server itself)", "GET",
				"/api/library?q=" + "a".repeat(10_000), Map.of(), null, 400));
		cases.add(new Case("a header of 20,000 bytes (refused by the web server itself)", "GET", "/api/library",
				Map.of("X-Padding", "a".repeat(20_000)), null, 400));
		cases.add(new Case("method not allowed", "PUT", "/api/summaries", JSON, text("{}"), 405));
		cases.add(new Case("no such API path", "GET", "/api/nothing-here", Map.of(), null, 404));
		return cases.stream();
	}

	private static void json(List<Case> cases, String name, String body) {
		json(cases, name, body, 400);
	}

	private static void json(List<Case> cases, String name, String body, int expected) {
		cases.add(new Case(name, "POST", "/api/summaries", JSON, text(body), expected));
	}

	private static Case upload(String name, String fileName, byte[] content, int expected) {
		String boundary = "bad-input-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Case(name, "POST", "/api/summaries",
				Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body.toByteArray(), expected);
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(byte[] bytes) {
		return bytes;
	}

	private static byte[] png() {
		byte[] png = new byte[256];
		byte[] magic = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		System.arraycopy(magic, 0, png, 0, magic.length);
		return png;
	}

	/**
	 * 10 MB of zeros compressed to a few KB: must be refused as binary, never inflated.
	 */
	private static byte[] gzipBomb() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(new byte[10 * 1024 * 1024]);
		}
		return out.toByteArray();
	}

	private static byte[] zip() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("talk.vtt"));
			zip.write("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static byte[] resource(String name) throws IOException {
		try (var in = BadInputTest.class.getResourceAsStream("/subtitles/" + name)) {
			return in.readAllBytes();
		}
	}

}
