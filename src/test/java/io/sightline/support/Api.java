package io.sightline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** A small HTTP client of Sightline's API for tests, over real HTTP. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	/**
	 * Headers sent with every request: a token, or a session cookie and its CSRF header.
	 */
	private final Map<String, String> headers;

	public Api(int port) {
		this("http://127.0.0.1:" + port, Map.of());
	}

	private Api(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	/** The same API as the user of this token. */
	public Api withToken(String token) {
		return withHeaders(Map.of("Authorization", "Bearer " + token));
	}

	/** The same API, sending these headers with every request. */
	public Api withHeaders(Map<String, String> headers) {
		return new Api(this.base, Map.copyOf(headers));
	}

	public record Response(int status, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	/** One SSE event as received. */
	public record Event(String id, String name, JsonNode data) {
	}

	/** Any request, as it is: for bad input of every kind. */
	public Response send(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * Opens a task's event stream and answers at once if it is refused (status and body),
	 * else its first bytes.
	 */
	public Response openEvents(String taskId) {
		return send(HttpRequest.newBuilder(uri("/api/progress/" + taskId + "/events"))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(5)));
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE());
	}

	public Response post(String path) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Response postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Polls a task's progress until it is no longer processing; every answer, in order.
	 */
	public List<JsonNode> pollUntilFinished(String taskId) {
		List<JsonNode> polls = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			JsonNode poll = get("/api/progress/" + taskId).json();
			polls.add(poll);
			return !poll.get("status").asText().equals("processing");
		});
		return polls;
	}

	public Response createFromUrl(String url) {
		return postJson("/api/summaries", "{\"url\": \"" + url + "\"}");
	}

	public Response upload(String fileName, byte[] content) {
		return upload(fileName, content, Map.of());
	}

	/** Three short sentences: a transcript the LLM summarizes in one part. */
	public static final String NOTES = "Teams beat lone geniuses. Share your code early and often."
			+ " Ask for reviews before you finish.";

	/** {@link #NOTES} uploaded as {@code notes.txt} with these form fields. */
	public Response uploadNotes(Map<String, String> fields) {
		return upload("notes.txt", NOTES.getBytes(StandardCharsets.UTF_8), fields);
	}

	/**
	 * The one-hour talk's subtitles (a test resource) uploaded with these form fields.
	 */
	public Response uploadTalk(Map<String, String> fields) {
		try (InputStream in = Api.class.getResourceAsStream("/subtitles/" + TALK)) {
			return upload(TALK, in.readAllBytes(), fields);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file name of the one-hour talk's subtitles in the test resources. */
	public static final String TALK = "IO2009-The_Myth_of_the_Genius_Programmer.srt";

	/**
	 * Uploads a file with form fields beside it ({@code summarizer}, {@code length},
	 * {@code language}).
	 */
	public Response upload(String fileName, byte[] content, Map<String, String> fields) {
		String boundary = "sightline-" + UUID.randomUUID();
		StringBuilder parts = new StringBuilder();
		fields.forEach((name, value) -> parts.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		byte[] head = (parts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri("/api/summaries"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
	}

	/** Reads an SSE stream until the server closes it (or the timeout passes). */
	public List<Event> events(String taskId, String lastEventId, Duration timeout) {
		return events(taskId, lastEventId, timeout, (event) -> {
		});
	}

	/**
	 * The events of a task's stream until it ends, each also given to {@code onEvent} as
	 * it arrives.
	 */
	public List<Event> events(String taskId, String lastEventId, Duration timeout, Consumer<Event> onEvent) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/progress/" + taskId + "/events"))
			.timeout(timeout)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<Stream<String>> response = this.http.send(request.GET().build(),
					HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				throw new AssertionError("events answered " + response.statusCode());
			}
			List<Event> events = new ArrayList<>();
			String id = null;
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String line : (Iterable<String>) response.body()::iterator) {
				if (line.isEmpty()) {
					if (data.length() > 0) {
						Event event = new Event(id, name, JSON.readTree(data.toString()));
						events.add(event);
						onEvent.accept(event);
					}
					id = null;
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			return events;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(HttpRequest.Builder request) {
		this.headers.forEach(request::header);
		HttpRequest built = request.build();
		if (built.timeout().isEmpty()) {
			built = HttpRequest.newBuilder(built, (name, value) -> true).timeout(Duration.ofSeconds(30)).build();
		}
		try {
			HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

}
