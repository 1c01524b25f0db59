package io.sightline.flow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.sightline.SightlineApplication;
import io.sightline.support.Api;
import io.sightline.support.TestDatabases;
import io.sightline.support.YouTubeReplay;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document against the wire: for every operation that answers JSON, a real
 * answer's property names, at every depth, are those its schema names, and every error is
 * a Problem Details body the document describes. A new endpoint fails this test until it
 * is called here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SightlineApplication.class)
class OpenApiContractTest {

	static final YouTubeReplay replay = new YouTubeReplay().withRecordedLists();

	static final String TALK = "IO2009-The_Myth_of_the_Genius_Programmer.srt";

	/** Operations that answer something else than JSON, with what they answer. */
	static final Map<String, String> NOT_JSON = Map.of("GET /api/progress/{taskId}/events", "an event stream",
			"GET /api/summaries/{id}/markdown", "a Markdown file", "GET /api/collections/{id}/markdown",
			"a Markdown file", "GET /api/summaries/{id}/thumbnail", "a picture");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		replay.serveAsYouTube(registry);
	}

	@Test
	void everyJsonAnswerHasThePropertiesItsSchemaNames() throws IOException {
		Api api = new Api(this.port);
		JsonNode document = api.get("/v3/api-docs").json();
		assertThat(document.get("info").get("title").asString()).isEqualTo("Sightline API");
		assertThat(document.get("components").get("security_schemes")).isNull();
		assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");

		document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String name = operation.getKey() + " " + path.getKey();
			assertThat(operation.getValue().path("summary").asString()).as(name + " has a summary").isNotBlank();
			assertThat(operation.getValue().get("responses").get("400").get("content").toString()).as(name)
				.contains("application/problem+json");
		}));
		assertThat(document.get("paths").get("/api/progress/{taskId}/events").get("get").get("description").asString())
			.contains("Last-Event-ID");
		assertThat(document.get("components").get("schemas").get("CreateSummaryRequest").get("example")).isNotNull();

		Map<String, Answer> answers = new LinkedHashMap<>();
		Api.Response created = api.upload(TALK, talk());
		answers.put("POST /api/summaries", new Answer("202", created));
		String taskId = created.json().get("task_id").asString();
		String summaryId = created.json().get("summary_id").asString();
		api.pollUntilFinished(taskId);
		answers.put("GET /api/progress/{taskId}", new Answer("200", api.get("/api/progress/" + taskId)));
		answers.put("GET /api/tasks", new Answer("200", api.get("/api/tasks")));
		answers.put("GET /api/capabilities", new Answer("200", api.get("/api/capabilities")));
		answers.put("GET /api/session", new Answer("200", api.get("/api/session")));
		answers.put("GET /api/summaries/{id}", new Answer("200", api.get("/api/summaries/" + summaryId)));
		answers.put("GET /api/summaries/{id}/transcript",
				new Answer("200", api.get("/api/summaries/" + summaryId + "/transcript")));
		answers.put("GET /api/summaries/{id}/versions",
				new Answer("200", api.get("/api/summaries/" + summaryId + "/versions")));
		answers.put("GET /api/summaries/{id}/export",
				new Answer("200", api.get("/api/summaries/" + summaryId + "/export")));
		answers.put("GET /api/library", new Answer("200", api.get("/api/library?q=genius%20programmer")));
		answers.put("POST /api/summaries/{id}/questions", new Answer("200",
				api.postJson("/api/summaries/" + summaryId + "/questions", "{\"question\": \"What is a genius?\"}")));
		answers.put("GET /api/summaries/{id}/questions",
				new Answer("200", api.get("/api/summaries/" + summaryId + "/questions")));
		answers.put("PATCH /api/summaries/{id}", new Answer("200", api.send("PATCH", "/api/summaries/" + summaryId,
				Map.of("Content-Type", "application/json"), "{\"title\": \"Genius\"}".getBytes())));

		Api.Response playlist = api.postJson("/api/summaries",
				"{\"url\": \"" + CollectionFlowContract.PLAYLIST + "\", \"limit\": 1}");
		answers.put("POST /api/summaries #collection", new Answer("202", playlist));
		String collectionId = playlist.json().get("collection_id").asString();
		api.pollUntilFinished(playlist.json().get("task_id").asString());
		answers.put("GET /api/collections/{id}", new Answer("200", api.get("/api/collections/" + collectionId)));
		answers.put("GET /api/collections/{id}/export",
				new Answer("200", api.get("/api/collections/" + collectionId + "/export")));
		Api.Response followed = api.postJson("/api/summaries",
				"{\"url\": \"" + CollectionFlowContract.CHANNEL + "\", \"limit\": 1, \"follow\": true}");
		String followId = followed.json().get("follow_id").asString();
		api.pollUntilFinished(followed.json().get("task_id").asString());
		answers.put("GET /api/follows", new Answer("200", api.get("/api/follows")));
		answers.put("GET /api/follows/{id}", new Answer("200", api.get("/api/follows/" + followId)));
		answers.put("PATCH /api/follows/{id}", new Answer("200", api.send("PATCH", "/api/follows/" + followId,
				Map.of("Content-Type", "application/json"), "{\"paused\": true}".getBytes())));
		answers.put("GET /api/summaries",
				new Answer("200", api.get("/api/summaries?source_url=" + CollectionFlowContract.PLAYLIST)));
		String running = api.createFromUrl("https://www.youtube.com/watch?v=" + YouTubeReplay.VIDEO)
			.json()
			.get("task_id")
			.asString();
		answers.put("POST /api/progress/{taskId}/cancel",
				new Answer("200", api.post("/api/progress/" + running + "/cancel")));
		api.pollUntilFinished(running);
		answers.put("DELETE /api/progress/{taskId}", new Answer("200", api.delete("/api/progress/" + running)));
		answers.put("DELETE /api/follows/{id}", new Answer("204", api.delete("/api/follows/" + followId)));
		answers.put("DELETE /api/collections/{id}", new Answer("204", api.delete("/api/collections/" + collectionId)));
		answers.put("DELETE /api/summaries/{id}", new Answer("204", api.delete("/api/summaries/" + summaryId)));
		// single-user mode: there is no sign-in, and users and tokens are refused as
		// Problem
		// Details (MultiUserTest calls them in multi-user mode)
		for (String path : List.of("POST /api/session", "DELETE /api/session", "GET /api/users", "POST /api/users",
				"PATCH /api/users/{name}", "GET /api/tokens", "POST /api/tokens", "DELETE /api/tokens/{id}",
				"PUT /api/session/password")) {
			String[] parts = path.split(" ");
			String concrete = parts[1].replace("{name}", "nobody").replace("{id}", UUID.randomUUID().toString());
			Api.Response refused = api.send(parts[0], concrete, Map.of("Content-Type", "application/json"),
					"{}".getBytes());
			answers.put(path, new Answer(String.valueOf(refused.status()), refused));
		}

		List<String> operations = operations(document);
		assertThat(answers.keySet().stream().map((call) -> call.replaceFirst(" #.*", "")).toList())
			.as("every JSON operation is called here")
			.containsAll(operations.stream().filter((op) -> !NOT_JSON.containsKey(op)).toList());
		List<String> mismatches = new ArrayList<>();
		answers.forEach((call, answer) -> {
			String operation = call.replaceFirst(" #.*", "");
			assertThat(String.valueOf(answer.response().status())).as(operation + ": " + answer.response().body())
				.isEqualTo(answer.status());
			if (answer.response().body() == null || answer.response().body().isBlank()) {
				return;
			}
			JsonNode schema = responseSchema(document, operation, answer.status());
			assertThat(schema).as(operation + " " + answer.status() + " has a schema").isNotNull();
			compare(document, schema, answer.response().json(), operation, mismatches);
		});
		assertThat(mismatches).isEmpty();
	}

	record Answer(String status, Api.Response response) {
	}

	private static List<String> operations(JsonNode document) {
		List<String> operations = new ArrayList<>();
		document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			operations.add(method.getKey().toUpperCase() + " " + path.getKey());
		}));
		return operations;
	}

	private static JsonNode responseSchema(JsonNode document, String operation, String status) {
		String[] parts = operation.split(" ");
		JsonNode response = document.get("paths")
			.get(parts[1])
			.get(parts[0].toLowerCase())
			.get("responses")
			.get(status);
		if (response == null || response.get("content") == null) {
			return null;
		}
		Iterator<JsonNode> contents = response.get("content").values().iterator();
		return contents.hasNext() ? contents.next().get("schema") : null;
	}

	/** Compares the answer's property names with the schema's, at every depth. */
	private static void compare(JsonNode document, JsonNode schema, JsonNode value, String where,
			List<String> mismatches) {
		JsonNode resolved = resolve(document, schema);
		if (value == null || value.isNull() || resolved == null) {
			return;
		}
		if (value.isArray()) {
			JsonNode items = resolved.get("items");
			if (items == null) {
				mismatches.add(where + ": an array where the schema says " + resolved);
				return;
			}
			value.forEach((element) -> compare(document, items, element, where + "[]", mismatches));
			return;
		}
		if (!value.isObject()) {
			return;
		}
		JsonNode properties = resolved.get("properties");
		if (properties == null) {
			if (resolved.get("additionalProperties") == null) {
				mismatches.add(where + ": an object where the schema names no properties: " + resolved);
			}
			return;
		}
		Set<String> named = new TreeSet<>(properties.propertyNames());
		Set<String> sent = new TreeSet<>(value.propertyNames());
		// every property is sent, null or not, but where the schema says which are
		// required (the others are left out when null) and in Problem Details
		Set<String> always = new TreeSet<>(named);
		if (resolved.has("required")) {
			always.clear();
			resolved.get("required").forEach((name) -> always.add(name.asString()));
		}
		if (!named.containsAll(sent) || !sent.containsAll(always) && !isProblem(resolved)) {
			mismatches.add(where + ": the schema names " + named + " but the answer has " + sent);
		}
		value.properties().forEach((field) -> {
			if (properties.has(field.getKey())) {
				compare(document, properties.get(field.getKey()), field.getValue(), where + "." + field.getKey(),
						mismatches);
			}
		});
	}

	/** A Problem Details body sends only the members it has. */
	private static boolean isProblem(JsonNode schema) {
		return schema.get("properties").has("detail") && schema.get("properties").has("instance");
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		JsonNode current = schema;
		while (current != null && current.has("$ref")) {
			String name = current.get("$ref").asString().replace("#/components/schemas/", "");
			current = document.get("components").get("schemas").get(name);
		}
		if (current != null && current.has("oneOf")) {
			return resolve(document, current.get("oneOf").get(0));
		}
		return current;
	}

	private static byte[] talk() throws IOException {
		try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/subtitles/" + TALK)) {
			return in.readAllBytes();
		}
	}

}
