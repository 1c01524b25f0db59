package io.sightline.system;

import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI document at {@code /v3/api-docs} says what the wire says: property names in
 * snake_case as the API writes them (springdoc reads types with its own Jackson 2 mapper,
 * which does not know the application's naming), a title and description, the bearer
 * scheme, and Problem Details for every error answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM = "ProblemDetail";

	/** The error answers every operation may give, each a Problem Details body. */
	private static final Map<String, String> ERRORS = Map.of("400",
			"The request is not acceptable; `detail` says why and what to send instead.", "401",
			"Multi-user mode: sign in, or send `Authorization: Bearer <token>`.", "404",
			"Not found, or not the caller's (another user's ids answer as unknown ones do).", "403",
			"Multi-user mode: only an administrator may do this, or the CSRF token is missing.", "409",
			"The request conflicts with the current state (a list still running, single-user mode).", "429",
			"Too many requests; `Retry-After` says in how many seconds to try again.");

	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	OpenAPI sightlineOpenApi(@Value("${sightline.version:0.1.0}") String version) {
		return new OpenAPI()
			.info(new Info().title("Sightline API")
				.version(version)
				.description("Summaries of YouTube videos, web articles, podcasts and uploaded transcripts, made as"
						+ " long-running tasks whose progress is pushed as Server-Sent Events. docs/api.md is the"
						+ " contract in prose; errors are RFC 9457 Problem Details whose `detail` is a sentence for"
						+ " people and whose `code`, where set, is for programs.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An API token (`sl_…`) from `sightline token create` or the web app's"
								+ " Account page; needed in multi-user mode only.")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/** Every operation's error answers are Problem Details. */
	@Bean
	OpenApiCustomizer problemDetailsInTheDocument() {
		return (openApi) -> {
			Schema<?> problem = ModelConverters.getInstance().readAllAsResolvedSchema(ProblemDetail.class).schema;
			problem.addProperty("code", new Schema<String>().type("string")
				.description("A stable dotted name of the failure, for programs (docs/api.md lists them)."));
			openApi.getComponents().addSchemas(PROBLEM, problem);
			Content content = new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations().forEach((operation) -> addErrors(operation, content)));
		};
	}

	private static void addErrors(Operation operation, Content content) {
		ERRORS.forEach((status, description) -> operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description).content(content)));
	}

}
