package io.sightline.source.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A fetched page: where it was found after redirects, its media type ({@code text/html}
 * or {@code text/plain}), the charset its headers named (null when they named none) and
 * its bytes.
 */
public record Page(URI url, String mediaType, Charset charset, byte[] body) {

	private static final Pattern FEED_START = Pattern.compile(
			"\\uFEFF?\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*|<\\?[^>]*>\\s*|<!DOCTYPE[^>]*>\\s*)*<(rss|feed|rdf:RDF)[\\s>]",
			Pattern.DOTALL);

	/**
	 * Whether the bytes start like a feed: an XML document whose root is {@code rss},
	 * {@code feed} (Atom) or {@code rdf:RDF}.
	 */
	public static boolean looksLikeFeed(byte[] bytes) {
		String start = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.UTF_8);
		return FEED_START.matcher(start).lookingAt();
	}

	/** Whether this is an RSS or Atom feed rather than a page. */
	public boolean isFeed() {
		return looksLikeFeed(this.body);
	}

	public boolean isHtml() {
		return !this.mediaType.equals("text/plain");
	}

}
