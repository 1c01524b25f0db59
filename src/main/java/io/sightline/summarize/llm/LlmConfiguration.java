package io.sightline.summarize.llm;

import java.time.Clock;

import io.sightline.model.ChatEndpoint;
import io.sightline.model.OpenAiSettings;
import io.sightline.summarize.QuestionAnswerer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LLM summarizer, configured when a model is set
 * ({@code spring.ai.openai.chat.options.model}). Decided when the server starts, not by a
 * bean condition: the build's ahead-of-time processing fixes the bean definitions, and
 * the model is a setting of the run.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

	@Bean
	LlmSummarizer llmSummarizer(OpenAiSettings settings, LlmProperties properties, JsonMapper json, Clock clock) {
		return new LlmSummarizer(modelCalls(settings, properties, json, clock), properties, json);
	}

	@Bean
	QuestionAnswerer questionAnswerer(OpenAiSettings settings, LlmProperties properties, JsonMapper json, Clock clock) {
		return new LlmAnswerer(modelCalls(settings, properties, json, clock));
	}

	/** The model's calls, or null when no model is set. */
	private static ModelCalls modelCalls(OpenAiSettings settings, LlmProperties properties, JsonMapper json,
			Clock clock) {
		if (settings.model() == null || settings.model().isBlank()) {
			return null;
		}
		ChatEndpoint endpoint = new ChatEndpoint(settings, properties.timeout(), properties.maxOutputTokens(), json,
				clock);
		return new ModelCalls(endpoint, properties);
	}

}
