package io.sightline.library;

import java.util.Objects;
import java.util.UUID;

import io.sightline.source.SourceMetadata;
import io.sightline.source.Transcript;
import io.sightline.summarize.SummaryDocument;

/**
 * A summary to store, with the transcript it was made from; {@code summaryLanguage} is
 * the language it was asked for (null: the transcript's own).
 */
public record NewSummary(UUID id, String owner, UUID taskId, SourceMetadata metadata, SummaryDocument document,
		Transcript transcript, String summaryLanguage) {

	public NewSummary {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(metadata, "metadata");
		Objects.requireNonNull(document, "document");
		Objects.requireNonNull(transcript, "transcript");
	}

}
