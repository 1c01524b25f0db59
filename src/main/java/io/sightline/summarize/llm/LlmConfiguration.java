package io.sightline.summarize.llm;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import io.sightline.model.ChatEndpoint;
import io.sightline.model.OpenAiSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LLM summarizer, present only when a model is configured
 * ({@code spring.ai.openai.chat.options.model}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.ai.openai.chat.options.model")
class LlmConfiguration {

	@Bean
	LlmSummarizer llmSummarizer(OpenAiSettings settings, LlmProperties properties, JsonMapper json, Clock clock) {
		ChatEndpoint endpoint = new ChatEndpoint(settings, properties.timeout(), properties.maxOutputTokens(), json,
				clock);
		return new LlmSummarizer(new ModelCalls(endpoint, properties), properties);
	}

}
