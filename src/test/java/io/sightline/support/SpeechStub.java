package io.sightline.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local OpenAI-compatible transcription endpoint
 * ({@code POST /v1/audio/transcriptions}). It checks the multipart fields a real one
 * needs ({@code file} with audio in it, {@code model}, {@code response_format}) and
 * answers {@code verbose_json}: a few sentences about reliable software, one every five
 * seconds within the first 25 seconds of the part. It logs each request's file name and
 * can fail one request, refuse {@code verbose_json}, or answer slowly.
 */
public final class SpeechStub implements AutoCloseable {

	private static final Pattern FIELD = Pattern.compile(
			"Content-Disposition: form-data; name=\"([^\"]+)\"(?:; filename=\"([^\"]+)\")?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n");

	private static final String[] SENTENCES = { "Reliable systems need careful thinking about failure and retries.",
			"Exponential backoff with jitter spreads the retries of many clients over time.",
			"Idempotent operations make retries safe because repeating them changes nothing.",
			"A progress bar that never lies tells people what the system is really doing.",
			"Checkpoints let long work resume where it stopped instead of starting over.",
			"Databases keep the state of every task so that a crash loses nothing at all.",
			"Heartbeats tell the cluster which nodes are alive and which ones have died.",
			"A dead node's jobs are picked up by another node within a few seconds.",
			"Server-sent events push each change of progress to the browser as it happens.",
			"Clients that reconnect resume from the last event they received without gaps.",
			"Transcription turns the speech of a recording into text with its timestamps.",
			"Long recordings are cut into parts at pauses so that no sentence is split.",
			"Each finished part is kept so that a retry transcribes only what is missing.",
			"Summaries give a short paragraph and key points that link to their moment.",
			"Rate limits from remote services are honoured by waiting before trying again.",
			"Uploads are streamed to disk so memory stays flat even for very large files." };

	private final MockWebServer server;

	private final List<String> files = new CopyOnWriteArrayList<>();

	private final List<String> formats = new CopyOnWriteArrayList<>();

	private final AtomicInteger failRequest = new AtomicInteger(-1);

	private final AtomicInteger failStatus = new AtomicInteger(503);

	private final AtomicInteger delayMillis = new AtomicInteger();

	private volatile boolean refuseVerbose;

	private final AtomicInteger requests = new AtomicInteger();

	public SpeechStub() {
		this.server = LocalServers.start(this::answer);
	}

	/** The base URL as {@code sightline.asr.base-url} takes it, with {@code /v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getPort() + "/v1";
	}

	/** Makes this stub the server's transcription endpoint. */
	public void serveAsSpeechToText(DynamicPropertyRegistry registry) {
		registry.add("sightline.asr.base-url", this::baseUrl);
		registry.add("sightline.asr.model", () -> "whisper-stub");
	}

	/** The {@code n}th request (from 1) is answered with {@code status}, once. */
	public SpeechStub failRequest(int n, int status) {
		this.failRequest.set(n);
		this.failStatus.set(status);
		return this;
	}

	public SpeechStub refuseVerboseJson(boolean refuse) {
		this.refuseVerbose = refuse;
		return this;
	}

	public SpeechStub answerDelay(Duration delay) {
		this.delayMillis.set((int) delay.toMillis());
		return this;
	}

	/** The file names of the requests that were answered with a transcript, in order. */
	public List<String> transcribedFiles() {
		return List.copyOf(this.files);
	}

	/** The {@code response_format} of every request, in order. */
	public List<String> askedFormats() {
		return List.copyOf(this.formats);
	}

	public int requestCount() {
		return this.requests.get();
	}

	public void reset() {
		this.files.clear();
		this.formats.clear();
		this.requests.set(0);
		this.failRequest.set(-1);
		this.refuseVerbose = false;
		this.delayMillis.set(0);
	}

	private MockResponse answer(RecordedRequest request) {
		int n = this.requests.incrementAndGet();
		if (!"/v1/audio/transcriptions".equals(request.getPath()) || !"POST".equals(request.getMethod())) {
			return new MockResponse().setResponseCode(404);
		}
		Map<String, String> fields = new HashMap<>();
		String fileName = null;
		String body = request.getBody().readString(StandardCharsets.ISO_8859_1);
		Matcher field = FIELD.matcher(body);
		while (field.find()) {
			if (field.group(2) != null) {
				fileName = field.group(2);
				int start = field.end();
				fields.put(field.group(1), body.substring(start, Math.min(body.length(), start + 4)));
			}
			else {
				int end = body.indexOf("\r\n", field.end());
				fields.put(field.group(1), body.substring(field.end(), end));
			}
		}
		String format = fields.getOrDefault("response_format", "json");
		this.formats.add(format);
		if (fileName == null || !"OggS".equals(fields.get("file")) || !fields.containsKey("model")) {
			return new MockResponse().setResponseCode(400)
				.setBody("{\"error\":{\"message\":\"file (audio) and model are required\"}}");
		}
		if (n == this.failRequest.get()) {
			return new MockResponse().setResponseCode(this.failStatus.get())
				.setBody("{\"error\":{\"message\":\"overloaded\"}}");
		}
		if (this.refuseVerbose && format.equals("verbose_json")) {
			return new MockResponse().setResponseCode(400)
				.setBody("{\"error\":{\"message\":\"response_format verbose_json is not supported\"}}");
		}
		this.files.add(fileName);
		StringBuilder segments = new StringBuilder();
		StringBuilder text = new StringBuilder();
		int first = (this.files.size() - 1) * 5;
		for (int i = 0; i < 5; i++) {
			String sentence = SENTENCES[(first + i) % SENTENCES.length];
			segments.append((i > 0) ? "," : "")
				.append("{\"id\":")
				.append(i)
				.append(",\"start\":")
				.append(i * 5.0)
				.append(",\"end\":")
				.append(i * 5.0 + 4.5)
				.append(",\"text\":\" ")
				.append(sentence)
				.append("\"}");
			text.append(' ').append(sentence);
		}
		String json = format.equals("verbose_json")
				? "{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":25.0,\"text\":\"" + text
						+ "\",\"segments\":[" + segments + "]}"
				: "{\"text\":\"" + text + "\"}";
		return new MockResponse().setHeader("Content-Type", "application/json")
			.setBody(json)
			.setHeadersDelay(this.delayMillis.get(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		try {
			this.server.shutdown();
		}
		catch (IOException ignored) {
			// the test is over
		}
	}

}
