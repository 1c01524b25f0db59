package io.sightline.library;

import java.util.Objects;
import java.util.UUID;

import io.sightline.source.SourceMetadata;
import io.sightline.source.Thumbnails;
import io.sightline.source.Transcript;
import io.sightline.summarize.SummaryDocument;

/**
 * A summary to store, with the transcript it was made from; {@code summaryLanguage} is
 * the language it was asked for (null: the transcript's own), {@code length} the length
 * asked for (null: the default), {@code thumbnail} the source's picture as fetched (null:
 * none).
 */
public record NewSummary(UUID id, String owner, UUID taskId, SourceMetadata metadata, SummaryDocument document,
		Transcript transcript, String summaryLanguage, String length, Thumbnails.Image thumbnail) {

	public NewSummary {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(metadata, "metadata");
		Objects.requireNonNull(document, "document");
		Objects.requireNonNull(transcript, "transcript");
	}

	public NewSummary(UUID id, String owner, UUID taskId, SourceMetadata metadata, SummaryDocument document,
			Transcript transcript, String summaryLanguage) {
		this(id, owner, taskId, metadata, document, transcript, summaryLanguage, null, null);
	}

	/** What the source is: the fingerprint of its address, or of an upload's text. */
	String sourceKey() {
		return (this.metadata.sourceUrl() != null) ? Versions.sourceKey(this.metadata.sourceUrl())
				: Versions.textKey(this.transcript.segments());
	}

}
