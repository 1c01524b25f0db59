package io.sightline.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sightline.summarize.Passage;

/**
 * A question about a summary's video or text, its answer, and the passages of the
 * transcript it came from; {@code fromModel} says whether a model wrote the answer (else
 * the passages are the answer).
 */
public record QuestionAnswer(UUID id, String question, String answer, List<Passage> passages, boolean fromModel,
		Instant createdAt) {
}
