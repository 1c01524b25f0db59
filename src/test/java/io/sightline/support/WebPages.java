package io.sightline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;

/**
 * A local web server for the pages under {@code src/test/resources/web}, served as HTML.
 */
public final class WebPages {

	/** A picture for the article: one green pixel, as a PNG. */
	public static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	private final MockWebServer server;

	public WebPages() {
		this.server = LocalServers.start((request) -> {
			String path = request.getRequestUrl().encodedPath();
			if (path.equals("/images/tiny-forest.png")) {
				return new MockResponse().setHeader("Content-Type", "image/png").setBody(new Buffer().write(PNG));
			}
			String resource = switch (path) {
				case "/article.html" -> "/web/news-article.html";
				case "/blog.html" -> "/web/blog-post.html";
				default -> null;
			};
			if (resource == null) {
				return new MockResponse().setResponseCode(404);
			}
			return new MockResponse().setHeader("Content-Type", "text/html").setBody(read(resource));
		});
	}

	public int port() {
		return this.server.getPort();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	public int requestCount() {
		return this.server.getRequestCount();
	}

	private static Buffer read(String resource) {
		try (InputStream in = WebPages.class.getResourceAsStream(resource)) {
			return new Buffer().readFrom(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
