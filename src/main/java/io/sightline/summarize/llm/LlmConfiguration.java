package io.sightline.summarize.llm;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LLM summarizer, present only when a model is configured
 * ({@code spring.ai.openai.chat.options.model}). The client makes one attempt per call: retries are
 * Sightline's, per call and per task, so that a {@code Retry-After} is honoured and progress stays true.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.ai.openai.chat.options.model")
class LlmConfiguration {

	static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	@Bean
	LlmSummarizer llmSummarizer(OpenAiSettings settings, LlmProperties properties) {
		String baseUrl = (settings.baseUrl() == null || settings.baseUrl().isBlank()) ? DEFAULT_BASE_URL
				: settings.baseUrl();
		String apiKey = (settings.apiKey() == null || settings.apiKey().isBlank()) ? "not-needed" : settings.apiKey();
		OpenAiChatOptions.Builder options = OpenAiChatOptions.builder();
		options.baseUrl(baseUrl);
		options.apiKey(apiKey);
		options.model(settings.model());
		options.maxRetries(0);
		options.timeout(properties.timeout());
		options.maxTokens(properties.maxOutputTokens());
		if (settings.temperature() != null) {
			options.temperature(settings.temperature());
		}
		ChatModel model = OpenAiChatModel.builder().options(options.build()).build();
		return new LlmSummarizer(new ModelCalls(model, settings.model(), properties), properties);
	}

}
