package io.sightline.model;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where speech is turned into text ({@code sightline.asr.*}): any endpoint that serves
 * OpenAI's {@code POST /v1/audio/transcriptions} (OpenAI, Groq, speaches or
 * faster-whisper-server, whisper.cpp's server, LocalAI).
 *
 * @param baseUrl the endpoint with its {@code /v1}; none: speech is not transcribed
 * @param apiKey the key; none is sent when it is blank
 * @param model the model to ask for (default {@code whisper-1})
 * @param language the spoken language as a two-letter code, when known; none lets the
 * engine detect it
 * @param timeout the longest one part's transcription may take (default 10 min)
 * @param maxPartSize the largest audio file sent in one request (default 24 MB: hosted
 * services refuse more)
 * @param partLength how much audio one request carries at most (default 10 min): shorter
 * parts run in parallel and a failed one costs less to do again
 * @param maxParallel parts transcribed at once (default 2)
 * @param maxDuration the longest recording or video audio transcribed (default 12h): what
 * a transcription costs grows with it
 */
@ConfigurationProperties("sightline.asr")
public record SpeechSettings(String baseUrl, String apiKey, @DefaultValue("whisper-1") String model, String language,
		@DefaultValue("10m") Duration timeout, @DefaultValue("24MB") DataSize maxPartSize,
		@DefaultValue("10m") Duration partLength, @DefaultValue("2") int maxParallel,
		@DefaultValue("12h") Duration maxDuration) {

	/** Whether an endpoint is set. */
	public boolean configured() {
		return this.baseUrl != null && !this.baseUrl.isBlank();
	}

	/** The base URL to send to, without a trailing slash. */
	public String endpoint() {
		String url = this.baseUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
