package io.sightline.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.sightline.system.Lazy;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat endpoint ({@code POST {base-url}/chat/completions}), as
 * OpenAI, vLLM, llama.cpp, Ollama, LocalAI and most hosted services serve it. One HTTP
 * attempt per call: retries are the caller's, so that {@code Retry-After} is honoured and
 * progress stays true.
 */
public final class ChatEndpoint {

	private static final MediaType JSON_TYPE = MediaType.get("application/json");

	/** Built on the first call: building it initializes TLS, which no start needs. */
	private final Lazy<OkHttpClient> http;

	private final OpenAiSettings settings;

	private final int maxOutputTokens;

	private final JsonMapper json;

	private final Clock clock;

	/** The most structured output this endpoint takes; learned from its refusals. */
	private final AtomicReference<Structure> structure = new AtomicReference<>(Structure.SCHEMA);

	public ChatEndpoint(OpenAiSettings settings, Duration timeout, int maxOutputTokens, JsonMapper json, Clock clock) {
		if (settings.model() == null || settings.model().isBlank()) {
			throw new IllegalArgumentException("spring.ai.openai.chat.options.model must name a model");
		}
		this.settings = settings;
		this.maxOutputTokens = maxOutputTokens;
		this.json = json;
		this.clock = clock;
		this.http = ModelHttp.client(timeout);
	}

	public String model() {
		return this.settings.model();
	}

	/** Asks the model once, with a system and a user message, for text. */
	public ChatAnswer complete(String system, String user) {
		return complete(system, user, null);
	}

	/**
	 * Asks the model once for text, streamed to {@code onText} (the text so far) where it
	 * is given; an endpoint that answers whole is read whole.
	 */
	public ChatAnswer complete(String system, String user, Consumer<String> onText) {
		return send(body(system, user, Structure.NONE, null, onText != null), onText);
	}

	/**
	 * How much structured output an endpoint is asked for: a JSON schema, a JSON object,
	 * or nothing (the prompt alone asks for JSON).
	 */
	public enum Structure {

		SCHEMA, OBJECT, NONE;

		Structure weaker() {
			return (this == SCHEMA) ? OBJECT : NONE;
		}

	}

	/** Asks the model once for a JSON object, without a schema. */
	public ChatAnswer completeJson(String system, String user) {
		return completeJson(system, user, null, null);
	}

	/**
	 * Asks the model once for a JSON object, as structured output where the endpoint
	 * takes it: with {@code schema} as {@code response_format} {@code json_schema}, else
	 * {@code json_object}, else the prompt alone. An endpoint that refuses one (a 400 or
	 * 422 to it, then an answer with a weaker one) is asked with the weaker one from then
	 * on; a refusal that every form meets is reported as the first. The answer is
	 * streamed ({@code "stream": true}) to {@code onText} (the text so far) when it is
	 * given; an endpoint that answers whole is read whole. Whatever comes back is the
	 * caller's to read, JSON or not.
	 */
	public ChatAnswer completeJson(String system, String user, JsonNode schema, Consumer<String> onText) {
		Structure start = this.structure.get();
		if (schema == null && start == Structure.SCHEMA) {
			start = Structure.OBJECT;
		}
		ModelCallException firstRefusal = null;
		for (Structure level = start;; level = level.weaker()) {
			boolean stream = onText != null && level != Structure.NONE;
			try {
				ChatAnswer answer = send(body(system, user, level, schema, stream), stream ? onText : null);
				if (firstRefusal != null) {
					Structure taken = level;
					this.structure.updateAndGet((known) -> (taken.ordinal() > known.ordinal()) ? taken : known);
				}
				return answer;
			}
			catch (ModelCallException refused) {
				boolean refusal = refused.status() == 400 || refused.status() == 422;
				if (!refusal || level == Structure.NONE) {
					throw (firstRefusal != null) ? firstRefusal : refused;
				}
				if (firstRefusal == null) {
					firstRefusal = refused;
				}
			}
		}
	}

	/** The most structured output this endpoint is still asked for. */
	public Structure structuredOutput() {
		return this.structure.get();
	}

	private ChatAnswer send(ObjectNode payload, Consumer<String> onText) {
		Request request = new Request.Builder().url(this.settings.endpoint() + "/chat/completions")
			.headers(authorization())
			.post(RequestBody.create(this.json.writeValueAsBytes(payload), JSON_TYPE))
			.build();
		try (Response response = this.http.get().newCall(request).execute()) {
			ResponseBody body = response.body();
			if (!response.isSuccessful()) {
				String text = (body != null) ? ModelHttp.abbreviate(body.string()) : "";
				throw new ModelCallException(response.code(), text, ModelHttp.retryAfter(response, this.clock),
						"HTTP " + response.code() + " from " + request.url().encodedPath(), null);
			}
			MediaType type = (body != null) ? body.contentType() : null;
			if (onText != null && body != null && type != null && "event-stream".equals(type.subtype())) {
				return streamed(body, onText);
			}
			return answer((body != null) ? body.bytes() : new byte[0]);
		}
		catch (IOException ex) {
			throw new ModelCallException(0, null, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	private ObjectNode body(String system, String user, Structure structure, JsonNode schema, boolean stream) {
		ObjectNode body = this.json.createObjectNode();
		body.put("model", this.settings.model());
		ArrayNode messages = body.putArray("messages");
		messages.addObject().put("role", "system").put("content", system);
		messages.addObject().put("role", "user").put("content", user);
		body.put("max_tokens", this.maxOutputTokens);
		if (this.settings.temperature() != null) {
			body.put("temperature", this.settings.temperature());
		}
		if (structure == Structure.SCHEMA) {
			ObjectNode format = body.putObject("response_format").put("type", "json_schema");
			format.putObject("json_schema").put("name", "answer").set("schema", schema);
		}
		else if (structure == Structure.OBJECT) {
			body.putObject("response_format").put("type", "json_object");
		}
		if (stream) {
			body.put("stream", true);
			body.putObject("stream_options").put("include_usage", true);
		}
		return body;
	}

	/**
	 * An answer sent as server-sent events of chunks ({@code choices[0].delta.content}),
	 * ending with {@code [DONE]}; usage comes in a chunk of its own where the endpoint
	 * sends it.
	 */
	private ChatAnswer streamed(ResponseBody body, Consumer<String> onText) throws IOException {
		StringBuilder text = new StringBuilder();
		String model = "";
		int promptTokens = 0;
		int completionTokens = 0;
		BufferedSource source = body.source();
		for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
			if (!line.startsWith("data:")) {
				continue;
			}
			String data = line.substring(5).strip();
			if (data.equals("[DONE]")) {
				break;
			}
			JsonNode chunk;
			try {
				chunk = this.json.readTree(data);
			}
			catch (JacksonException ex) {
				throw new ModelCallException(200, ModelHttp.abbreviate(data), null, "a streamed chunk is not JSON", ex);
			}
			model = chunk.path("model").asString(model);
			String delta = chunk.path("choices").path(0).path("delta").path("content").asString("");
			if (!delta.isEmpty()) {
				text.append(delta);
				onText.accept(text.toString());
			}
			JsonNode usage = chunk.path("usage");
			if (usage.isObject()) {
				promptTokens = usage.path("prompt_tokens").asInt(promptTokens);
				completionTokens = usage.path("completion_tokens").asInt(completionTokens);
			}
		}
		return new ChatAnswer(text.toString(), model.isBlank() ? this.settings.model() : model, promptTokens,
				completionTokens);
	}

	private ChatAnswer answer(byte[] bytes) {
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new ModelCallException(200, ModelHttp.abbreviate(new String(bytes, StandardCharsets.UTF_8)), null,
					"the endpoint's answer is not JSON", ex);
		}
		JsonNode message = root.path("choices").path(0).path("message");
		String text = message.path("content").asString("");
		String model = root.path("model").asString("");
		JsonNode usage = root.path("usage");
		return new ChatAnswer(text, model.isBlank() ? this.settings.model() : model,
				usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
	}

	private Headers authorization() {
		String key = this.settings.apiKey();
		return (key == null || key.isBlank()) ? Headers.of() : Headers.of("Authorization", "Bearer " + key.strip());
	}

}
