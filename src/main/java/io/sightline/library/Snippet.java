package io.sightline.library;

import java.util.List;

/**
 * Where a search found its words in a summary: a short piece of its {@code field}
 * ({@code title}, {@code tldr}, {@code key_point}, {@code chapter} or
 * {@code transcript}), with the time it starts at when it has one, and the places of the
 * words found ({@code start} inclusive, {@code end} exclusive, in characters of
 * {@code text}) for a client to highlight.
 */
record Snippet(String text, String field, Double startSeconds, List<Highlight> highlights) {

	record Highlight(int start, int end) {
	}

}
