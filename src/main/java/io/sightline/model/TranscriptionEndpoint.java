package io.sightline.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.sightline.system.Lazy;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible transcription endpoint ({@code POST
 * {base-url}/audio/transcriptions}, multipart {@code file}, {@code model},
 * {@code response_format} and {@code language}). It is asked for {@code verbose_json}
 * (segments with their times); an engine that refuses that (a 400 or 422) is asked for
 * {@code json}, then {@code text}, and from then on with the format it took. One HTTP
 * attempt per call: retries are the caller's.
 */
public final class TranscriptionEndpoint {

	private final SpeechSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final Lazy<OkHttpClient> http;

	/** The richest answer this endpoint gives; learned from its refusals. */
	private final AtomicReference<Format> format = new AtomicReference<>(Format.VERBOSE_JSON);

	public TranscriptionEndpoint(SpeechSettings settings, JsonMapper json, Clock clock) {
		if (!settings.configured()) {
			throw new IllegalArgumentException("sightline.asr.base-url must name a transcription endpoint");
		}
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.http = ModelHttp.client(settings.timeout());
	}

	public String model() {
		return this.settings.model();
	}

	/** The answer formats, richest first. */
	public enum Format {

		VERBOSE_JSON("verbose_json"), JSON("json"), TEXT("text");

		private final String value;

		Format(String value) {
			this.value = value;
		}

		Format poorer() {
			return (this == VERBOSE_JSON) ? JSON : TEXT;
		}

	}

	/** The format this endpoint is asked for now. */
	public Format format() {
		return this.format.get();
	}

	/**
	 * Transcribes one audio file of a media type ({@code audio/ogg}). {@code calls} is
	 * told of each HTTP call as it starts, with what cancels it, so a cancel can stop it
	 * at once.
	 * @throws ModelCallException when no transcript came: the status and body, or status
	 * 0 when the endpoint could not be reached or did not answer in time
	 */
	public SpeechText transcribe(Path audio, String mediaType, CallWatcher calls) {
		MediaType type = MediaType.get(mediaType);
		ModelCallException firstRefusal = null;
		for (Format asked = this.format.get();; asked = asked.poorer()) {
			try {
				SpeechText text = send(audio, type, asked, calls);
				if (firstRefusal != null) {
					Format taken = asked;
					this.format.updateAndGet((known) -> (known.ordinal() < taken.ordinal()) ? taken : known);
				}
				return text;
			}
			catch (ModelCallException refused) {
				boolean formatRefused = refused.status() == 400 || refused.status() == 422;
				if (!formatRefused || asked == Format.TEXT) {
					throw (firstRefusal != null && formatRefused) ? firstRefusal : refused;
				}
				firstRefusal = (firstRefusal != null) ? firstRefusal : refused;
			}
		}
	}

	/** Told of each HTTP call as it starts, with what cancels it. */
	@FunctionalInterface
	public interface CallWatcher {

		CallWatcher NONE = (cancel) -> {
		};

		void started(Runnable cancel);

	}

	private SpeechText send(Path audio, MediaType type, Format format, CallWatcher calls) {
		MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
			.addFormDataPart("file", audio.getFileName().toString(), RequestBody.create(audio.toFile(), type))
			.addFormDataPart("model", this.settings.model())
			.addFormDataPart("response_format", format.value);
		if (format == Format.VERBOSE_JSON) {
			form.addFormDataPart("timestamp_granularities[]", "segment");
		}
		if (this.settings.language() != null && !this.settings.language().isBlank()) {
			form.addFormDataPart("language", this.settings.language().strip());
		}
		Request request = new Request.Builder().url(this.settings.endpoint() + "/audio/transcriptions")
			.headers(authorization())
			.post(form.build())
			.build();
		Call call = this.http.get().newCall(request);
		calls.started(call::cancel);
		try (Response response = call.execute()) {
			ResponseBody body = response.body();
			String text = (body != null) ? body.string() : "";
			if (!response.isSuccessful()) {
				throw new ModelCallException(response.code(), ModelHttp.abbreviate(text),
						ModelHttp.retryAfter(response, this.clock),
						"HTTP " + response.code() + " from " + request.url().encodedPath(), null);
			}
			return read(text, format);
		}
		catch (IOException ex) {
			throw new ModelCallException(0, null, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads an answer: segments with times from {@code verbose_json}, the text as one
	 * untimed piece from {@code json} or {@code text}. An engine that answers JSON to a
	 * request for text, or text to one for JSON, is read as what it sent.
	 */
	SpeechText read(String answer, Format asked) {
		String trimmed = answer.strip();
		if (trimmed.startsWith("{")) {
			try {
				JsonNode root = this.json.readTree(trimmed);
				String language = root.path("language").isTextual() ? root.path("language").asText() : null;
				List<SpeechText.Piece> pieces = new ArrayList<>();
				for (JsonNode segment : root.path("segments")) {
					String said = segment.path("text").asText("").strip();
					if (!said.isEmpty() && segment.path("start").isNumber()) {
						pieces.add(new SpeechText.Piece(segment.path("start").asDouble(),
								segment.path("end").isNumber() ? segment.path("end").asDouble() : null, said));
					}
				}
				if (pieces.isEmpty()) {
					String whole = root.path("text").asText("").strip();
					if (!whole.isEmpty()) {
						pieces.add(new SpeechText.Piece(null, null, whole));
					}
				}
				return new SpeechText(pieces, language);
			}
			catch (JacksonException notJson) {
				// read as text below
			}
		}
		return new SpeechText(trimmed.isEmpty() ? List.of() : List.of(new SpeechText.Piece(null, null, trimmed)), null);
	}

	private Headers authorization() {
		String key = this.settings.apiKey();
		return (key == null || key.isBlank()) ? Headers.of() : Headers.of("Authorization", "Bearer " + key.strip());
	}

}
