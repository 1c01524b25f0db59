package io.sightline.source;

import java.time.LocalDate;

/**
 * A source of lists: an address that names many items to summarize (a playlist, a
 * channel, a podcast feed), read page by page up to a limit.
 */
public interface ListSource {

	/** Whether this source reads lists at {@code url}. */
	boolean supports(String url);

	/**
	 * Whether the address alone says it names a list, without fetching it: what a request
	 * is taken as (a list source may read addresses it cannot tell apart from a page,
	 * such as a feed at {@code /show}, when the request asks for a list).
	 */
	default boolean recognizes(String url) {
		return supports(url);
	}

	/**
	 * Whether the list at {@code url} is newest first with dated items (a channel, a
	 * feed), so that a {@code since} date applies to it; a playlist is in its own order.
	 */
	default boolean dated(String url) {
		return true;
	}

	/**
	 * The first {@code limit} items at {@code url}, only those published on or after
	 * {@code since} when it is set.
	 * @throws SourceFailure with a sentence when the list cannot be read (missing,
	 * private, removed: permanent; blocked or unreachable: transient)
	 */
	Listing list(String url, int limit, LocalDate since);

}
