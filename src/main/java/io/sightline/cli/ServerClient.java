package io.sightline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Sightline server, over its HTTP API: submit, follow a task (SSE, resuming
 * with {@code Last-Event-ID} after a drop, giving up after three failed reconnects in a
 * row), list and show summaries. Every failure is a {@link CliFailure} with a sentence.
 */
final class ServerClient {

	static final int MAX_RECONNECTS = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Duration reconnectDelay;

	ServerClient(String server, String token, Duration reconnectDelay) {
		this.base = server.replaceAll("/+$", "");
		this.token = token;
		this.reconnectDelay = reconnectDelay;
	}

	JsonNode submit(Input input, SummarizeCommand.SummaryOptions options) {
		HttpRequest.Builder request = request("/api/summaries");
		if (input.isFile()) {
			String boundary = "sightline-" + UUID.randomUUID();
			List<byte[]> parts = new ArrayList<>();
			field(parts, boundary, "summarizer", options.summarizer());
			field(parts, boundary, "length", options.length());
			field(parts, boundary, "language", options.language());
			parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ input.fileName().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			parts.add(input.bytes());
			parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
		}
		else {
			var body = JSON.createObjectNode().put("url", input.url());
			if (options.summarizer() != null) {
				body.put("summarizer", options.summarizer());
			}
			if (options.length() != null) {
				body.put("length", options.length());
			}
			if (options.language() != null) {
				body.put("language", options.language());
			}
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		}
		return json(send(request));
	}

	JsonNode get(String path) {
		return json(send(request(path).GET()));
	}

	String getText(String path) {
		return send(request(path).GET());
	}

	/**
	 * Follows a task's events until it ends; each state goes to {@code onState}. Returns
	 * the last one.
	 */
	TaskState follow(String taskId, Consumer<TaskState> onState) {
		String lastEventId = null;
		int failures = 0;
		while (true) {
			try {
				HttpRequest.Builder request = request("/api/progress/" + taskId + "/events").header("Accept",
						"text/event-stream");
				if (lastEventId != null) {
					request.header("Last-Event-ID", lastEventId);
				}
				HttpResponse<InputStream> response = this.http.send(request.GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() != 200) {
					throw failure(response.statusCode(),
							new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
				}
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					String id = null;
					StringBuilder data = new StringBuilder();
					for (String line = reader.readLine(); line != null; line = reader.readLine()) {
						if (line.startsWith("id:")) {
							id = line.substring(3).strip();
						}
						else if (line.startsWith("data:")) {
							data.append(line.substring(5).strip());
						}
						else if (line.isEmpty() && data.length() > 0) {
							TaskState state = state(JSON.readTree(data.toString()));
							data.setLength(0);
							lastEventId = (id != null) ? id : lastEventId;
							failures = 0;
							onState.accept(state);
							if (state.isFinished()) {
								return state;
							}
						}
					}
				}
				failures++;
			}
			catch (IOException dropped) {
				failures++;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CliFailure(ExitCodes.OTHER, "Stopped watching.");
			}
			if (failures > MAX_RECONNECTS) {
				throw new CliFailure(ExitCodes.OTHER,
						"Lost contact with the server at " + this.base + " while following task " + taskId
								+ "; the task may still finish on the server — check it later with: sightline watch "
								+ taskId + " --server " + this.base);
			}
			pause(this.reconnectDelay.multipliedBy(1L << (failures - 1)));
		}
	}

	static TaskState state(JsonNode node) {
		JsonNode failure = node.path("failure");
		return new TaskState(node.path("task_id").asString(""), node.path("status").asString(""),
				node.path("phase").asString(""), node.path("progress").asInt(0), node.path("stage").asString(""),
				textOrNull(node.path("error")), textOrNull(failure.path("kind")), textOrNull(failure.path("code")),
				node.path("summary_id").asString(""), parseInstant(node.path("created_at").asString(null)));
	}

	private static String textOrNull(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString(null);
	}

	private static Instant parseInstant(String text) {
		try {
			return (text != null) ? Instant.parse(text) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofMinutes(2));
		}
		catch (IllegalArgumentException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"--server must be an address such as http://localhost:8080, not " + this.base + ".");
		}
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private String send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw failure(response.statusCode(), response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.OTHER, "Could not reach the Sightline server at " + this.base + " ("
					+ ex.getClass().getSimpleName() + "); check the address and that the server is running.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliFailure(ExitCodes.OTHER, "Interrupted.");
		}
	}

	private CliFailure failure(int status, String body) {
		String detail = "The server answered " + status + ".";
		try {
			JsonNode problem = JSON.readTree(body);
			if (problem.hasNonNull("detail")) {
				detail = problem.get("detail").asString();
			}
		}
		catch (JacksonException notJson) {
			// keep the status sentence
		}
		return new CliFailure((status >= 400 && status < 500) ? ExitCodes.BAD_INPUT : ExitCodes.OTHER, detail);
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new CliFailure(ExitCodes.OTHER, "The server's answer was not JSON; is --server a Sightline server?");
		}
	}

	private static void field(List<byte[]> parts, String boundary, String name, String value) {
		if (value != null) {
			parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliFailure(ExitCodes.OTHER, "Stopped watching.");
		}
	}

}
