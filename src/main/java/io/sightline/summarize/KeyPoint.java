package io.sightline.summarize;

/**
 * One key point and the transcript time it comes from (null where the source has no
 * timing).
 */
public record KeyPoint(String text, Double startSeconds) {
}
