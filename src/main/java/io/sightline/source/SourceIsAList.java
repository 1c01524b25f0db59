package io.sightline.source;

/**
 * Thrown by a source that finds, once it reads the address, that it names a list (a feed
 * at an address that looked like a page): the task becomes a collection of that list
 * instead of failing.
 */
public class SourceIsAList extends RuntimeException {

	private final String url;

	public SourceIsAList(String url) {
		super(url + " is a list (a feed), not one item", null, false, false);
		this.url = url;
	}

	/** The list's address (where the fetch ended, after redirects). */
	public String url() {
		return this.url;
	}

}
