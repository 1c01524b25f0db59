package io.sightline.model;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The chat endpoint client on the wire, against a local server that answers as
 * OpenAI-compatible ones do.
 */
class ChatEndpointTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void start() throws IOException {
		this.server.start();
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	private ChatEndpoint endpoint(String apiKey, Double temperature) {
		OpenAiSettings settings = new OpenAiSettings(this.server.url("/v1/").toString(), apiKey,
				new OpenAiSettings.Chat(new OpenAiSettings.Options("llama3.1", temperature)));
		return new ChatEndpoint(settings, Duration.ofSeconds(2), 300, JSON, Clock.systemUTC());
	}

	@Test
	void sendsTheChatRequestAndReadsTheAnswerWithItsUsage() throws InterruptedException {
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
			.setBody(
					"{\"id\":\"x\",\"model\":\"llama3.1:8b\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
							+ "\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}],"
							+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}"));

		ChatAnswer answer = endpoint("sk-test", 0.2).complete("be brief", "say hello");

		assertThat(answer).isEqualTo(new ChatAnswer("Hello there", "llama3.1:8b", 12, 3));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
		JsonNode body = JSON.readTree(request.getBody().readUtf8());
		assertThat(body.path("model").asString()).isEqualTo("llama3.1");
		assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
		assertThat(body.path("messages").path(0).path("content").asString()).isEqualTo("be brief");
		assertThat(body.path("messages").path(1).path("role").asString()).isEqualTo("user");
		assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("say hello");
		assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.has("stream")).isFalse();
	}

	@Test
	void noKeyMeansNoAuthorizationHeaderAndAnAnswerWithoutUsageCostsZero() throws InterruptedException {
		this.server.enqueue(new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));

		ChatAnswer answer = endpoint(" ", null).complete("s", "u");

		assertThat(answer).isEqualTo(new ChatAnswer("ok", "llama3.1", 0, 0));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeader("Authorization")).isNull();
		assertThat(JSON.readTree(request.getBody().readUtf8()).has("temperature")).isFalse();
	}

	@Test
	void aRefusalCarriesItsStatusBodyAndRequestedWait() {
		this.server.enqueue(new MockResponse().setResponseCode(429)
			.setHeader("Retry-After", "7")
			.setBody("{\"error\":{\"message\":\"slow down\"}}"));
		this.server.enqueue(new MockResponse().setResponseCode(503).setHeader("retry-after-ms", "1500"));
		this.server.enqueue(new MockResponse().setResponseCode(400)
			.setBody("{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens\"}}"));

		ModelCallException limited = catchThrowableOfType(ModelCallException.class,
				() -> endpoint("k", null).complete("s", "u"));
		ModelCallException unavailable = catchThrowableOfType(ModelCallException.class,
				() -> endpoint("k", null).complete("s", "u"));
		ModelCallException tooLong = catchThrowableOfType(ModelCallException.class,
				() -> endpoint("k", null).complete("s", "u"));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(limited.body()).contains("slow down");
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofMillis(1500));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("maximum context length");
	}

	@Test
	void noAnswerInTimeOrNoServerIsAFailureWithoutStatus() throws IOException {
		this.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		ModelCallException silent = catchThrowableOfType(ModelCallException.class,
				() -> endpoint("k", null).complete("s", "u"));
		assertThat(silent.answered()).isFalse();

		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		OpenAiSettings nowhere = new OpenAiSettings("http://127.0.0.1:" + closedPort + "/v1", null,
				new OpenAiSettings.Chat(new OpenAiSettings.Options("m", null)));
		ModelCallException unreachable = catchThrowableOfType(ModelCallException.class,
				() -> new ChatEndpoint(nowhere, Duration.ofSeconds(2), 10, JSON, Clock.systemUTC()).complete("s", "u"));
		assertThat(unreachable.answered()).isFalse();
		assertThat(unreachable.status()).isZero();
	}

	@Test
	void anAnswerThatIsNotJsonIsAFailureWithTheTextItGot() {
		this.server.enqueue(new MockResponse().setBody("<html>proxy error</html>"));

		ModelCallException failure = catchThrowableOfType(ModelCallException.class,
				() -> endpoint("k", null).complete("s", "u"));

		assertThat(failure.status()).isEqualTo(200);
		assertThat(failure.body()).contains("proxy error");
	}

	@Test
	void theDefaultEndpointIsOpenAisAndATrailingSlashIsDropped() {
		assertThat(new OpenAiSettings(null, null, null).endpoint()).isEqualTo("https://api.openai.com/v1");
		assertThat(new OpenAiSettings("http://localhost:11434/v1/", null, null).endpoint())
			.isEqualTo("http://localhost:11434/v1");
	}

	private static MockResponse answer(String content) {
		return new MockResponse().setHeader("Content-Type", "application/json")
			.setBody("{\"model\":\"llama3.1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""
					+ content + "\"}}]}");
	}

	@Test
	void asksForAJsonObjectAsStructuredOutput() throws InterruptedException {
		this.server.enqueue(answer("{}"));
		endpoint("k", null).completeJson("s", "answer in JSON");
		JsonNode body = JSON.readTree(this.server.takeRequest().getBody().readUtf8());
		assertThat(body.at("/response_format/type").asString()).isEqualTo("json_object");
	}

	@Test
	void anEndpointThatRefusesStructuredOutputIsAskedWithoutItFromThenOn() throws InterruptedException {
		ChatEndpoint endpoint = endpoint("k", null);
		this.server.enqueue(new MockResponse().setResponseCode(400)
			.setBody("{\"error\":{\"message\":\"Unrecognized request argument supplied: response_format\"}}"));
		this.server.enqueue(answer("first"));
		this.server.enqueue(answer("second"));

		assertThat(endpoint.completeJson("s", "u").text()).isEqualTo("first");
		assertThat(endpoint.completeJson("s", "u").text()).isEqualTo("second");

		assertThat(JSON.readTree(this.server.takeRequest().getBody().readUtf8()).has("response_format")).isTrue();
		assertThat(JSON.readTree(this.server.takeRequest().getBody().readUtf8()).has("response_format")).isFalse();
		assertThat(JSON.readTree(this.server.takeRequest().getBody().readUtf8()).has("response_format")).isFalse();
		assertThat(endpoint.structuredOutput()).isEqualTo(ChatEndpoint.Structure.NONE);
	}

	@Test
	void aRefusalForAnotherReasonIsReportedAndStructuredOutputIsKept() {
		ChatEndpoint endpoint = endpoint("k", null);
		this.server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"bad model\"}}"));
		this.server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"bad model\"}}"));
		assertThatExceptionOfType(ModelCallException.class).isThrownBy(() -> endpoint.completeJson("s", "u"))
			.satisfies((failure) -> assertThat(failure.status()).isEqualTo(400));
		assertThat(endpoint.structuredOutput()).isEqualTo(ChatEndpoint.Structure.SCHEMA);
	}

	@Test
	void aServerErrorIsNotTakenForARefusalOfTheOption() {
		ChatEndpoint endpoint = endpoint("k", null);
		this.server.enqueue(new MockResponse().setResponseCode(503));
		assertThatExceptionOfType(ModelCallException.class).isThrownBy(() -> endpoint.completeJson("s", "u"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(endpoint.structuredOutput()).isEqualTo(ChatEndpoint.Structure.SCHEMA);
	}

	@Test
	void aStreamedAnswerIsHandedOverAsItGrowsWithItsUsage() throws InterruptedException {
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
			.setBody("data: {\"model\":\"m\",\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
					+ "data: {\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
					+ ": a comment line\n\n"
					+ "data: {\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
					+ "data: {\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n"
					+ "data: [DONE]\n\n"));
		List<String> seen = new ArrayList<>();
		ChatAnswer answer = endpoint("k", null).completeJson("s", "u", null, seen::add);
		assertThat(answer).isEqualTo(new ChatAnswer("Hello", "m", 7, 2));
		assertThat(seen).containsExactly("Hel", "Hello");
		JsonNode body = JSON.readTree(this.server.takeRequest().getBody().readUtf8());
		assertThat(body.get("stream").asBoolean()).isTrue();
	}

	@Test
	void anEndpointThatAnswersWholeWhenAskedToStreamIsReadWhole() {
		this.server.enqueue(answer("whole"));
		List<String> seen = new ArrayList<>();
		assertThat(endpoint("k", null).completeJson("s", "u", null, seen::add).text()).isEqualTo("whole");
		assertThat(seen).isEmpty();
	}

	@Test
	void aSchemaIsAskedForFirstAndAnEndpointThatRefusesItGetsAJsonObjectRequestFromThenOn()
			throws InterruptedException {
		ChatEndpoint endpoint = endpoint("k", null);
		JsonNode schema = JSON.readTree("{\"type\": \"object\"}");
		this.server
			.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"json_schema not supported\"}"));
		this.server.enqueue(answer("first"));
		this.server.enqueue(answer("second"));

		assertThat(endpoint.completeJson("s", "u", schema, null).text()).isEqualTo("first");
		assertThat(endpoint.completeJson("s", "u", schema, null).text()).isEqualTo("second");

		JsonNode refused = JSON.readTree(this.server.takeRequest().getBody().readUtf8());
		assertThat(refused.at("/response_format/type").asString()).isEqualTo("json_schema");
		assertThat(refused.at("/response_format/json_schema/schema")).isEqualTo(schema);
		assertThat(JSON.readTree(this.server.takeRequest().getBody().readUtf8()).at("/response_format/type").asString())
			.isEqualTo("json_object");
		assertThat(JSON.readTree(this.server.takeRequest().getBody().readUtf8()).at("/response_format/type").asString())
			.isEqualTo("json_object");
		assertThat(endpoint.structuredOutput()).isEqualTo(ChatEndpoint.Structure.OBJECT);
	}

}
