package io.sightline.source;

/** A chapter of a video, as its description lists them ({@code 12:30 Questions}). */
public record Chapter(double startSeconds, String title) {
}
