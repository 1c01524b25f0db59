package io.sightline.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running Sightline server, over its HTTP API with OkHttp (multipart uploads, and the
 * event stream read by OkHttp's SSE reader): submit, follow a task (resuming with
 * {@code Last-Event-ID} after a drop, giving up after three failed reconnects in a row),
 * list and show summaries. Every failure is a {@link CliFailure} with a sentence.
 */
final class ServerClient {

	static final int MAX_RECONNECTS = 3;

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final MediaType JSON_BODY = MediaType.get("application/json");

	private static final MediaType FILE_BODY = MediaType.get("application/octet-stream");

	private final String base;

	private final String token;

	private final OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
		.callTimeout(Duration.ofMinutes(2))
		.readTimeout(Duration.ofMinutes(2))
		.build();

	/**
	 * For event streams: no limit on the whole call; the server sends a keep-alive every
	 * 15 s.
	 */
	private final OkHttpClient events = this.http.newBuilder()
		.callTimeout(Duration.ZERO)
		.readTimeout(Duration.ofMinutes(1))
		.build();

	private final Duration reconnectDelay;

	ServerClient(String server, String token, Duration reconnectDelay) {
		this.base = server.replaceAll("/+$", "");
		this.token = token;
		this.reconnectDelay = reconnectDelay;
	}

	JsonNode submit(Input input, SummarizeCommand.SummaryOptions options) {
		RequestBody body;
		if (input.isFile()) {
			MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
			options.fields().forEach(form::addFormDataPart);
			RequestBody file = input.isRecording() ? RequestBody.create(input.file().toFile(), FILE_BODY)
					: RequestBody.create(input.bytes(), FILE_BODY);
			body = form.addFormDataPart("file", input.fileName(), file).build();
		}
		else {
			ObjectNode json = JSON.createObjectNode().put("url", input.url());
			options.fields().forEach(json::put);
			if (options.limit() != null) {
				json.put("limit", options.limit());
			}
			if (options.follow()) {
				json.put("follow", true);
			}
			body = RequestBody.create(json.toString(), JSON_BODY);
		}
		return json(send(request("/api/summaries").post(body)));
	}

	/** POSTs a JSON body; answers the JSON the server sent back. */
	JsonNode postJson(String path, JsonNode body) {
		return json(send(request(path).post(RequestBody.create(body.toString(), JSON_BODY))));
	}

	/** PATCHes a JSON body; answers the JSON the server sent back. */
	JsonNode patchJson(String path, JsonNode body) {
		return json(send(request(path).patch(RequestBody.create(body.toString(), JSON_BODY))));
	}

	/** DELETEs what is at {@code path}. */
	void delete(String path) {
		send(request(path).delete());
	}

	/** DELETEs what is at {@code path}; answers the JSON the server sent back. */
	JsonNode deleteJson(String path) {
		return json(send(request(path).delete()));
	}

	JsonNode get(String path) {
		return json(send(request(path).get()));
	}

	String getText(String path) {
		return send(request(path).get());
	}

	/**
	 * Follows a task's events until it ends; each state goes to {@code onState}. Returns
	 * the last one.
	 */
	TaskState follow(String taskId, Consumer<TaskState> onState) {
		String lastEventId = null;
		int failures = 0;
		while (true) {
			Stream stream = new Stream(onState);
			Request.Builder request = request("/api/progress/" + taskId + "/events").header("Accept",
					"text/event-stream");
			if (lastEventId != null) {
				request.header("Last-Event-ID", lastEventId);
			}
			EventSource source = EventSources.createFactory(this.events).newEventSource(request.build(), stream);
			try {
				stream.ended.await();
			}
			catch (InterruptedException ex) {
				source.cancel();
				Thread.currentThread().interrupt();
				throw new CliFailure(ExitCodes.OTHER, "Stopped watching.");
			}
			if (stream.refusal != null) {
				throw stream.refusal;
			}
			if (stream.last.get() != null && stream.last.get().isFinished()) {
				return stream.last.get();
			}
			if (stream.lastEventId.get() != null) {
				lastEventId = stream.lastEventId.get();
				failures = 0;
			}
			failures++;
			if (failures > MAX_RECONNECTS) {
				throw new CliFailure(ExitCodes.OTHER,
						"Lost contact with the server at " + this.base + " while following task " + taskId
								+ "; the task may still finish on the server — check it later with: sightline watch "
								+ taskId + " --server " + this.base);
			}
			pause(this.reconnectDelay.multipliedBy(1L << (failures - 1)));
		}
	}

	/**
	 * One connection's events, as OkHttp's SSE reader hands them over on its own thread,
	 * until the stream ends.
	 */
	private final class Stream extends EventSourceListener {

		private final Consumer<TaskState> onState;

		private final CountDownLatch ended = new CountDownLatch(1);

		/** The server's answer when it refused the stream (an error status). */
		private volatile CliFailure refusal;

		private final AtomicReference<String> lastEventId = new AtomicReference<>();

		private final AtomicReference<TaskState> last = new AtomicReference<>();

		Stream(Consumer<TaskState> onState) {
			this.onState = onState;
		}

		@Override
		public void onEvent(EventSource source, String id, String type, String data) {
			TaskState state = state(JSON.readTree(data));
			if (id != null) {
				this.lastEventId.set(id);
			}
			this.last.set(state);
			this.onState.accept(state);
		}

		@Override
		public void onClosed(EventSource source) {
			this.ended.countDown();
		}

		@Override
		public void onFailure(EventSource source, Throwable dropped, Response response) {
			try {
				if (response != null && response.code() != 200) {
					this.refusal = failure(response.code(), bodyText(response));
				}
			}
			catch (IOException unreadable) {
				this.refusal = failure(response.code(), "");
			}
			finally {
				this.ended.countDown();
			}
		}

	}

	static TaskState state(JsonNode node) {
		JsonNode failure = node.path("failure");
		return new TaskState(node.path("task_id").asString(""), node.path("status").asString(""),
				node.path("phase").asString(""), node.path("progress").asInt(0), node.path("stage").asString(""),
				textOrNull(node.path("error")), textOrNull(failure.path("kind")), textOrNull(failure.path("code")),
				textOrNull(node.path("summary_id")), instant(textOrNull(node.path("created_at"))),
				textOrNull(node.path("collection_id")));
	}

	private static String textOrNull(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString(null);
	}

	/**
	 * A timestamp of the API (ISO-8601), or null if there is none or it cannot be read.
	 */
	private static Instant instant(String text) {
		try {
			return (text != null) ? Instant.parse(text) : null;
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

	private Request.Builder request(String path) {
		HttpUrl url = HttpUrl.parse(this.base + path);
		if (url == null) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"--server must be an address such as http://localhost:8080, not " + this.base + ".");
		}
		Request.Builder builder = new Request.Builder().url(url);
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private String send(Request.Builder request) {
		try (Response response = this.http.newCall(request.build()).execute()) {
			String body = bodyText(response);
			if (response.code() >= 400) {
				throw failure(response.code(), body);
			}
			return body;
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.OTHER, "Could not reach the Sightline server at " + this.base + " ("
					+ ex.getClass().getSimpleName() + "); check the address and that the server is running.");
		}
	}

	private static String bodyText(Response response) throws IOException {
		ResponseBody body = response.body();
		return (body != null) ? body.string() : "";
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
