package io.sightline.summarize.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring AI's own names for the model endpoint ({@code spring.ai.openai.*}), read here because
 * Sightline builds its chat model itself: it decides retries and timeouts per call, and it must
 * start without a key when no model is configured.
 *
 * @param baseUrl the endpoint with its {@code /v1} (OpenAI, vLLM, llama.cpp, Ollama…)
 * @param apiKey the key; local servers accept any
 * @param chat the chat options; {@code chat.options.model} turns the LLM summarizer on
 */
@ConfigurationProperties("spring.ai.openai")
public record OpenAiSettings(String baseUrl, String apiKey, Chat chat) {

	public record Chat(Options options) {
	}

	public record Options(String model, Double temperature) {
	}

	String model() {
		return (this.chat != null && this.chat.options() != null) ? this.chat.options().model() : null;
	}

	Double temperature() {
		return (this.chat != null && this.chat.options() != null) ? this.chat.options().temperature() : null;
	}

}
