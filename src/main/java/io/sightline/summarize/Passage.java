package io.sightline.summarize;

/**
 * A stretch of a transcript that answers a question, with where it starts (null:
 * untimed).
 */
public record Passage(Double startSeconds, String text) {
}
