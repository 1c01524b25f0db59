package io.sightline.source;

import java.util.Optional;

/**
 * Reads metadata and a timed transcript from one kind of content. Implementations throw
 * {@link SourceFailure} (or let I/O exceptions out, which count as transient); they never
 * write to the database.
 */
public interface Source {

	boolean supports(SourceRequest request);

	/**
	 * Refuses a request this source supports but cannot serve, such as a playlist
	 * address, with a permanent {@link SourceFailure}, before any task is made. Makes no
	 * network call.
	 */
	default void check(SourceRequest request) {
	}

	SourceMetadata metadata(SourceRequest request);

	Transcript transcript(SourceRequest request, SourceMetadata metadata);

	/**
	 * The address a summary of this URL is stored under, when this source reads it and
	 * knows one (a video's canonical address), without a network call.
	 */
	default Optional<String> address(String url) {
		return Optional.empty();
	}

	/**
	 * A stable name of the content ({@code youtube:GJLlxj_dtq8}) under which its metadata
	 * and transcripts may be cached and reused; empty when the content can change between
	 * reads.
	 */
	default Optional<String> contentId(SourceRequest request) {
		return Optional.empty();
	}

	/**
	 * Which transcript {@link #transcript} will read for this request, decided from the
	 * metadata alone, without a network call. Throws the same failures as
	 * {@link #transcript} when there is none to read. Only asked of sources with a
	 * {@link #contentId}.
	 */
	default TranscriptVariant variant(SourceRequest request, SourceMetadata metadata) {
		return new TranscriptVariant(metadata.language(), TranscriptVariant.MANUAL, "the transcript");
	}

	/**
	 * Whether reading this request's transcript means transcribing speech (its progress
	 * then says so), rather than reading text; decided from the metadata, without a
	 * network call.
	 */
	default boolean transcribes(SourceRequest request, SourceMetadata metadata) {
		return false;
	}

	/**
	 * Whether this source can honour where the request wants its transcript from; a text
	 * is read as it is ({@code auto} only).
	 */
	default boolean offers(TranscriptChoice choice) {
		return choice == TranscriptChoice.AUTO;
	}

	/** A short name for metrics and logs, such as {@code upload} or {@code youtube}. */
	String name();

}
