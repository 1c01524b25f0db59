package io.sightline.source;

/**
 * Reads metadata and a timed transcript from one kind of content. Implementations throw
 * {@link SourceFailure} (or let I/O exceptions out, which count as transient); they never
 * write to the database.
 */
public interface Source {

	boolean supports(SourceRequest request);

	SourceMetadata metadata(SourceRequest request);

	Transcript transcript(SourceRequest request, SourceMetadata metadata);

	/** A short name for metrics and logs, such as {@code upload} or {@code youtube}. */
	String name();

}
