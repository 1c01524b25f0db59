package io.sightline.source.fetch;

import java.net.URI;
import java.nio.charset.Charset;

/**
 * A fetched page: where it was found after redirects, its media type ({@code text/html}
 * or {@code text/plain}), the charset its headers named (null when they named none) and
 * its bytes.
 */
public record Page(URI url, String mediaType, Charset charset, byte[] body) {

	public boolean isHtml() {
		return !this.mediaType.equals("text/plain");
	}

}
