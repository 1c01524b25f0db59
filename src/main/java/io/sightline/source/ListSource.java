package io.sightline.source;

/**
 * A source of lists: an address that names many items to summarize (a playlist, a
 * channel), read page by page up to a limit.
 */
public interface ListSource {

	/** Whether this source reads lists at {@code url}. */
	boolean supports(String url);

	/**
	 * The first {@code limit} items at {@code url}.
	 * @throws SourceFailure with a sentence when the list cannot be read (missing,
	 * private, removed: permanent; blocked or unreachable: transient)
	 */
	Listing list(String url, int limit);

}
