package io.sightline.support;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions}) that
 * answers like a model would: a map prompt ("part X of N") gets one point per part at the
 * time of the part's first line; a reduce prompt gets a TL;DR and key points at the times
 * of its notes, plus one point at a time far past any transcript. A test can queue
 * failures to send first, and make it refuse prompts over a length with a context-length
 * error.
 */
public final class ChatStub implements AutoCloseable {

	public static final String MODEL = "stub-model-1";

	public static final String OUT_OF_RANGE_POINT = "A point the model placed at a time the video does not have.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PART = Pattern.compile("This is part (\\d+) of (\\d+)");

	private static final Pattern TIME = Pattern.compile("^\\[([0-9:]+)\\]", Pattern.MULTILINE);

	private final MockWebServer server;

	private final List<String> prompts = new CopyOnWriteArrayList<>();

	private final Queue<MockResponse> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger contextLimit = new AtomicInteger(Integer.MAX_VALUE);

	private final AtomicInteger answerDelayMillis = new AtomicInteger();

	private final AtomicInteger failAfterAnswers = new AtomicInteger(Integer.MAX_VALUE);

	private final AtomicBoolean markdown = new AtomicBoolean();

	private final AtomicBoolean streamSlowly = new AtomicBoolean();

	private final AtomicBoolean refuseResponseFormat = new AtomicBoolean();

	private final AtomicInteger refusedResponseFormats = new AtomicInteger();

	private final AtomicInteger emptyAnswers = new AtomicInteger();

	private final AtomicInteger stallAfterAnswers = new AtomicInteger(Integer.MAX_VALUE);

	private final AtomicInteger stallMillis = new AtomicInteger();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger failureStatus = new AtomicInteger(500);

	public ChatStub() {
		this.server = LocalServers.start(this::answer);
	}

	/** Makes this stub the server's model: its address, a key and a model name. */
	public void serveAsModel(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.openai.base-url", this::baseUrl);
		registry.add("spring.ai.openai.api-key", () -> "test-key");
		registry.add("spring.ai.openai.chat.options.model", () -> "stub-model");
	}

	/** The base URL as {@code spring.ai.openai.base-url} takes it, with {@code /v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getPort() + "/v1";
	}

	/** Prompts that got a model answer (not the queued failures, not the refusals). */
	public List<String> answeredPrompts() {
		return List.copyOf(this.prompts);
	}

	public int requestCount() {
		return this.server.getRequestCount();
	}

	public ChatStub failNext(int status, String retryAfter) {
		MockResponse response = new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"error\":{\"message\":\"stub failure " + status + "\",\"type\":\"server_error\"}}");
		if (retryAfter != null) {
			response.setHeader("Retry-After", retryAfter);
		}
		this.failures.add(response);
		return this;
	}

	/**
	 * Refuses, with a 400 as servers that do not know the option do, every request that
	 * asks for {@code response_format}; answers how many it refused.
	 */
	public ChatStub refuseResponseFormat(boolean refuse) {
		this.refuseResponseFormat.set(refuse);
		return this;
	}

	public int refusedResponseFormats() {
		return this.refusedResponseFormats.get();
	}

	/**
	 * Streams answers to requests that ask for it ({@code "stream": true}), a few
	 * characters per event and slowly, as a local model writes.
	 */
	public ChatStub streamSlowly(boolean stream) {
		this.streamSlowly.set(stream);
		return this;
	}

	/** The next {@code times} answers hold nothing usable (an empty code fence). */
	public ChatStub answerNothingUsable(int times) {
		this.emptyAnswers.set(times);
		return this;
	}

	/**
	 * Answers in Markdown instead of the JSON asked for, as small local models often do:
	 * a TL;DR line and bullets with {@code [m:ss]} times.
	 */
	public ChatStub answerInMarkdown(boolean markdown) {
		this.markdown.set(markdown);
		return this;
	}

	/**
	 * Once {@code answered} prompts got an answer, the next {@code times} requests fail
	 * with {@code status} (a model that breaks down in the middle of a summary).
	 */
	public ChatStub failAfter(int answered, int times, int status) {
		this.failAfterAnswers.set(answered);
		this.failuresLeft.set(times);
		this.failureStatus.set(status);
		return this;
	}

	/**
	 * Once {@code answered} prompts got an answer, every further answer waits
	 * {@code delay} (a model that stalls, while a test kills the server calling it).
	 */
	public ChatStub stallAfter(int answered, Duration delay) {
		this.stallAfterAnswers.set(answered);
		this.stallMillis.set((int) delay.toMillis());
		return this;
	}

	/** Answers come after this pause, as a real model's would. */
	public ChatStub answerDelay(Duration delay) {
		this.answerDelayMillis.set((int) delay.toMillis());
		return this;
	}

	/**
	 * Prompts longer than this many characters are refused as over the model's context.
	 */
	public ChatStub contextLimit(int characters) {
		this.contextLimit.set(characters);
		return this;
	}

	private MockResponse answer(RecordedRequest request) {
		if (!request.getRequestUrl().encodedPath().equals("/v1/chat/completions")) {
			return new MockResponse().setResponseCode(404);
		}
		MockResponse failure = this.failures.poll();
		if (failure != null) {
			return failure;
		}
		if (this.prompts.size() >= this.failAfterAnswers.get() && this.failuresLeft.getAndDecrement() > 0) {
			return new MockResponse().setResponseCode(this.failureStatus.get())
				.setHeader("Content-Type", "application/json")
				.setBody("{\"error\":{\"message\":\"stub breakdown\",\"type\":\"server_error\"}}");
		}
		JsonNode body = JSON.readTree(request.getBody().readUtf8());
		String prompt = body.path("messages").get(body.path("messages").size() - 1).path("content").asString("");
		if (this.refuseResponseFormat.get() && body.has("response_format")) {
			this.refusedResponseFormats.incrementAndGet();
			return new MockResponse().setResponseCode(400)
				.setHeader("Content-Type", "application/json")
				.setBody("{\"error\":{\"message\":\"Unrecognized request argument supplied: response_format\"}}");
		}
		if (prompt.length() > this.contextLimit.get()) {
			return new MockResponse().setResponseCode(400)
				.setHeader("Content-Type", "application/json")
				.setBody("{\"error\":{\"message\":\"This model's maximum context length is 2048 tokens. However, your"
						+ " messages resulted in " + (prompt.length() / 4)
						+ " tokens.\",\"type\":\"invalid_request_error\","
						+ "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
		}
		this.prompts.add(prompt);
		String content;
		Matcher part = PART.matcher(prompt);
		Matcher time = TIME.matcher(prompt.substring(prompt.indexOf("\n\n") + 2));
		List<String> times = time.results().map((match) -> match.group(1)).toList();
		if (prompt.contains("\nQuestion: ")) {
			content = "They say reviews catch mistakes early" + (times.isEmpty() ? "" : " [" + times.get(0) + "]")
					+ ".";
		}
		else if (part.find()) {
			String at = times.isEmpty() ? "null" : "\"" + times.get(0) + "\"";
			content = "{\"points\": [{\"text\": \"The speaker covers part " + part.group(1) + " of " + part.group(2)
					+ ".\", \"time\": " + at + "}]}";
		}
		else {
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < Math.min(3, times.size()); i++) {
				points.append("{\"text\": \"Key point ")
					.append(i + 1)
					.append(".\", \"time\": \"")
					.append(times.get(i))
					.append("\"}, ");
			}
			content = "```json\n{\"tldr\": \"A stubbed summary of the whole.\", \"key_points\": [" + points
					+ "{\"text\": \"" + OUT_OF_RANGE_POINT + "\", \"time\": \"9:59:59\"}]}\n```";
		}
		if (this.emptyAnswers.getAndDecrement() > 0) {
			content = "```\n```";
		}
		else if (this.markdown.get()) {
			content = markdown(part.find(0) ? part.group(1) : null, times);
		}
		if (this.streamSlowly.get() && body.path("stream").asBoolean(false)) {
			return streamed(content);
		}
		ObjectNode completion = JSON.createObjectNode();
		completion.put("id", "chatcmpl-" + this.prompts.size());
		completion.put("object", "chat.completion");
		completion.put("created", 1_700_000_000L);
		completion.put("model", MODEL);
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		choice.put("finish_reason", "stop");
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", content);
		ObjectNode usage = completion.putObject("usage");
		usage.put("prompt_tokens", prompt.length() / 4);
		usage.put("completion_tokens", content.length() / 4);
		usage.put("total_tokens", prompt.length() / 4 + content.length() / 4);
		int delay = (this.prompts.size() > this.stallAfterAnswers.get()) ? this.stallMillis.get()
				: this.answerDelayMillis.get();
		return new MockResponse().setHeader("Content-Type", "application/json")
			.setBody(completion.toString())
			.setHeadersDelay(delay, TimeUnit.MILLISECONDS);
	}

	/**
	 * The answer as server-sent events of 8 characters each, at about 20 events a second.
	 */
	private static MockResponse streamed(String content) {
		StringBuilder events = new StringBuilder();
		for (int at = 0; at < content.length(); at += 8) {
			ObjectNode chunk = JSON.createObjectNode();
			chunk.put("model", MODEL);
			ObjectNode delta = chunk.putArray("choices").addObject().put("index", 0).putObject("delta");
			delta.put("content", content.substring(at, Math.min(content.length(), at + 8)));
			events.append("data: ").append(chunk).append("\n\n");
		}
		events.append("data: {\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,"
				+ "\"completion_tokens\":" + (content.length() / 4) + "}}\n\n");
		events.append("data: [DONE]\n\n");
		return new MockResponse().setHeader("Content-Type", "text/event-stream")
			.setBody(events.toString())
			.throttleBody(200, 100, TimeUnit.MILLISECONDS);
	}

	/** The same answer as a model that ignores the format asked for would write it. */
	private static String markdown(String part, List<String> times) {
		if (part != null) {
			return "Here are my notes:\n\n- " + (times.isEmpty() ? "" : "[" + times.get(0) + "] ")
					+ "The speaker covers part " + part + ".\n";
		}
		StringBuilder answer = new StringBuilder("## Summary\n\n**TL;DR:** A stubbed summary of the whole.\n\n");
		for (int i = 0; i < Math.min(3, times.size()); i++) {
			answer.append("- [").append(times.get(i)).append("] Key point ").append(i + 1).append(".\n");
		}
		return answer.toString();
	}

	@Override
	public void close() {
		LocalServers.stop(this.server);
	}

}
