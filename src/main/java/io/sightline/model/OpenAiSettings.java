package io.sightline.model;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the model lives ({@code spring.ai.openai.*}: the names Sightline has always
 * documented, kept whatever client reads them).
 *
 * @param baseUrl the endpoint with its {@code /v1} (OpenAI, vLLM, llama.cpp, Ollama…;
 * default OpenAI's)
 * @param apiKey the key; local servers accept any, and none is sent when it is blank
 * @param chat the chat options; {@code chat.options.model} turns the LLM summarizer on
 */
@ConfigurationProperties("spring.ai.openai")
public record OpenAiSettings(String baseUrl, String apiKey, Chat chat) {

	/** OpenAI's own endpoint, used when no base URL is set. */
	public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	public record Chat(Options options) {
	}

	public record Options(String model, Double temperature) {
	}

	/** The base URL to send to, without a trailing slash. */
	public String endpoint() {
		String url = (this.baseUrl == null || this.baseUrl.isBlank()) ? DEFAULT_BASE_URL : this.baseUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	public String model() {
		return (this.chat != null && this.chat.options() != null) ? this.chat.options().model() : null;
	}

	public Double temperature() {
		return (this.chat != null && this.chat.options() != null) ? this.chat.options().temperature() : null;
	}

}
