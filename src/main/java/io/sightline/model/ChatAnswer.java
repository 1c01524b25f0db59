package io.sightline.model;

/**
 * What a chat model answered and what it cost.
 *
 * @param text the answer's text (may be empty: deciding whether that is usable is the
 * caller's)
 * @param model the model that answered, as the endpoint names it
 * @param promptTokens tokens read, 0 when the endpoint did not say
 * @param completionTokens tokens written, 0 when the endpoint did not say
 */
public record ChatAnswer(String text, String model, int promptTokens, int completionTokens) {
}
