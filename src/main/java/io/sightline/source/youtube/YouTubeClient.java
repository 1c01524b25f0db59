package io.sightline.source.youtube;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.system.Lazy;
import io.sightline.system.RetryAfter;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jsoup.parser.Parser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The three YouTube requests of the caption flow: the watch page (accepting the EU cookie
 * terms when YouTube asks), the innertube player API, and the timed text of one caption
 * track. All go to {@code sightline.youtube.base-url}, through
 * {@code sightline.youtube.proxy} when one is set; caption addresses YouTube hands out
 * with its own host are sent there too.
 */
@Component
final class YouTubeClient {

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	private static final Pattern API_KEY = Pattern.compile("\"INNERTUBE_API_KEY\":\\s*\"([a-zA-Z0-9_-]+)\"");

	private static final Pattern CONSENT_VALUE = Pattern.compile("name=\"v\" value=\"(.*?)\"");

	private final YouTubeProperties properties;

	private final HttpUrl base;

	/** Built on the first request: building it initializes TLS, which no start needs. */
	private final Lazy<OkHttpClient> http;

	private final Clock clock;

	/** The consent cookie once YouTube asked for it, sent with every later request. */
	private final AtomicReference<String> consentCookie = new AtomicReference<>();

	/** Spaces the requests of every client on this node. */
	private final YouTubePacer pacer;

	/** A client paced on its own, for tests; the server has one client. */
	YouTubeClient(YouTubeProperties properties, Clock clock) {
		this(properties, clock, new YouTubePacer(properties));
	}

	@Autowired
	YouTubeClient(YouTubeProperties properties, Clock clock, YouTubePacer pacer) {
		this.properties = properties;
		this.pacer = pacer;
		this.clock = clock;
		HttpUrl parsed = HttpUrl.get(properties.baseUrl().toString());
		this.base = parsed;
		OkHttpClient.Builder builder = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.readTimeout().multipliedBy(2))
			.followRedirects(true);
		URI proxy = properties.proxy();
		if (proxy != null) {
			int port = (proxy.getPort() > 0) ? proxy.getPort() : 3128;
			builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
			if (proxy.getRawUserInfo() != null) {
				String[] user = proxy.getRawUserInfo().split(":", 2);
				String credentials = Credentials.basic(decode(user[0]), (user.length > 1) ? decode(user[1]) : "");
				builder.proxyAuthenticator((route, response) -> response.request()
					.newBuilder()
					.header("Proxy-Authorization", credentials)
					.build());
			}
		}
		else {
			builder.proxy(Proxy.NO_PROXY);
		}
		this.http = Lazy.of(builder::build);
	}

	/**
	 * The innertube API key of the video's watch page, after the cookie-consent dance if
	 * YouTube asks for it.
	 */
	String apiKey(String videoId) {
		String page = watchPage(videoId);
		if (isConsentPage(page)) {
			Matcher value = CONSENT_VALUE.matcher(page);
			if (!value.find()) {
				throw YouTubeFailures.consent();
			}
			this.consentCookie.set("CONSENT=YES+" + value.group(1));
			page = watchPage(videoId);
			if (isConsentPage(page)) {
				throw YouTubeFailures.consent();
			}
		}
		Matcher key = API_KEY.matcher(page);
		if (key.find()) {
			return key.group(1);
		}
		if (page.contains("class=\"g-recaptcha\"")) {
			throw YouTubeFailures.blocked("it answers with a captcha page about unusual traffic", null);
		}
		throw YouTubeFailures.unparsable("watch page");
	}

	/** The player API's answer for the video, as JSON text. */
	String player(String apiKey, String videoId) {
		return player(apiKey, videoId, this.properties.clientName(), this.properties.clientVersion());
	}

	/**
	 * The player API's answer for the video as the client that gets stream addresses
	 * ({@code sightline.youtube.audio.client-name}) sees it.
	 */
	String audioPlayer(String apiKey, String videoId) {
		YouTubeProperties.Audio audio = this.properties.audio();
		return player(apiKey, videoId, audio.clientName(), audio.clientVersion());
	}

	private String player(String apiKey, String videoId, String clientName, String clientVersion) {
		String body = "{\"context\":{\"client\":{\"clientName\":\"" + clientName + "\",\"clientVersion\":\""
				+ clientVersion + "\"}},\"videoId\":\"" + videoId + "\"}";
		HttpUrl url = at("youtubei/v1/player").newBuilder().addQueryParameter("key", apiKey).build();
		return send(request(url).post(RequestBody.create(body, JSON)).build(), "the video's player data");
	}

	/**
	 * An innertube browse answer (a playlist's or channel's page, or the page a
	 * continuation token names) as the list client sees it, as JSON text. {@code query}
	 * is the request's own part: {@code "browseId":…,"params":…} or
	 * {@code "continuation":…}. A 400 or 404 means the list does not exist.
	 */
	String browse(String query, String what) {
		return innertube("youtubei/v1/browse", query, what);
	}

	/**
	 * What a channel's address (a handle, a custom or user name) resolves to, as JSON
	 * text.
	 */
	String resolveUrl(String url, String what) {
		return innertube("youtubei/v1/navigation/resolve_url", "\"url\":" + quoted(url), what);
	}

	private String innertube(String endpoint, String query, String what) {
		YouTubeProperties.Lists client = this.properties.lists();
		String body = "{\"context\":{\"client\":{\"clientName\":" + quoted(client.clientName()) + ",\"clientVersion\":"
				+ quoted(client.clientVersion()) + ",\"hl\":\"en\",\"gl\":\"US\"}}," + query + "}";
		HttpUrl url = at(endpoint).newBuilder().addQueryParameter("prettyPrint", "false").build();
		return send(request(url).post(RequestBody.create(body, JSON)).build(), what, true);
	}

	/**
	 * A JSON string of {@code text} (ids, tokens and addresses: no control characters).
	 */
	static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * The timed-text XML of a caption track, translated into {@code translateTo} when
	 * that is not null.
	 */
	String timedText(String captionUrl, String translateTo) {
		HttpUrl given = HttpUrl.parse(captionUrl);
		if (given == null) {
			throw YouTubeFailures.unparsable("caption address");
		}
		HttpUrl.Builder url = at(given.encodedPath().replaceFirst("^/", "")).newBuilder()
			.encodedQuery(given.encodedQuery())
			.removeAllQueryParameters("fmt");
		if (translateTo != null) {
			url.setQueryParameter("tlang", translateTo);
		}
		return send(request(url.build()).get().build(), "the captions");
	}

	/**
	 * Downloads an audio stream to {@code target} in ranged requests of at most
	 * {@code sightline.youtube.audio.range-size}, at most
	 * {@code sightline.youtube.audio.max-size} in all; {@code progress} gets the bytes
	 * read and the total (0 when unknown) after each piece, and may throw to stop.
	 */
	void download(AudioStream stream, Path target, Progress progress) {
		HttpUrl given = HttpUrl.parse(stream.url());
		if (given == null) {
			throw YouTubeFailures.unparsable("audio address");
		}
		HttpUrl url = at(given.encodedPath().replaceFirst("^/", "")).newBuilder()
			.encodedQuery(given.encodedQuery())
			.build();
		long max = this.properties.audio().maxSize().toBytes();
		long range = this.properties.audio().rangeSize().toBytes();
		long total = (stream.contentLength() != null) ? stream.contentLength() : 0;
		if (total > max) {
			throw YouTubeFailures.audioTooLarge(total, max);
		}
		OutputStream file;
		try {
			file = Files.newOutputStream(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (OutputStream out = file) {
			long read = 0;
			while (total == 0 || read < total) {
				long last = read + range - 1;
				Request request = request(url).header("Range", "bytes=" + read + "-" + last).get().build();
				try (Response response = this.http.get().newCall(request).execute()) {
					check(response, "the audio");
					long before = read;
					try (InputStream in = response.body().byteStream()) {
						byte[] buffer = new byte[64 * 1024];
						for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
							out.write(buffer, 0, n);
							read += n;
							if (read > max) {
								throw YouTubeFailures.audioTooLarge(read, max);
							}
						}
					}
					if (response.code() == 200) {
						// the server sent it whole
						total = read;
					}
					else if (total == 0) {
						total = totalOf(response.header("Content-Range"), read);
					}
					progress.downloaded(read, total);
					if (read == before) {
						break;
					}
				}
			}
			if (total > 0 && read < total) {
				throw YouTubeFailures.unparsable("audio stream (it ended after " + read + " of " + total + " bytes)");
			}
		}
		catch (IOException ex) {
			throw YouTubeFailures.unreachable(ex);
		}
	}

	/** Told of a download's bytes so far and its total (0 when unknown). */
	@FunctionalInterface
	interface Progress {

		void downloaded(long bytes, long total);

	}

	/**
	 * The total of a {@code Content-Range: bytes a-b/total} header, else what was read.
	 */
	private static long totalOf(String contentRange, long read) {
		if (contentRange != null && contentRange.matches("bytes \\d+-\\d+/\\d+")) {
			return Long.parseLong(contentRange.substring(contentRange.indexOf('/') + 1));
		}
		return read;
	}

	/** The video's watch page, at the base URL. */
	String watchUrl(String videoId) {
		return at("watch").newBuilder().addQueryParameter("v", videoId).build().toString();
	}

	private String watchPage(String videoId) {
		HttpUrl url = HttpUrl.get(watchUrl(videoId));
		return Parser.unescapeEntities(send(request(url).get().build(), "the watch page"), false);
	}

	private static boolean isConsentPage(String page) {
		return page.contains("action=\"https://consent.youtube.com/s\"");
	}

	private HttpUrl at(String path) {
		String prefix = this.base.encodedPath().endsWith("/") ? this.base.encodedPath() : this.base.encodedPath() + "/";
		return this.base.newBuilder().encodedPath(prefix + path).query(null).build();
	}

	private Request.Builder request(HttpUrl url) {
		Request.Builder builder = new Request.Builder().url(url)
			.header("Accept-Language", "en-US")
			.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
					+ " Chrome/126.0 Safari/537.36");
		String cookie = this.consentCookie.get();
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		return builder;
	}

	private String send(Request request, String what) {
		return send(request, what, false);
	}

	/**
	 * Sends a paced request and answers its body; for a list's request ({@code list}), a
	 * 400 or 404 means YouTube has no such list.
	 */
	private String send(Request request, String what, boolean list) {
		this.pacer.await();
		try (Response response = this.http.get().newCall(request).execute()) {
			if (list && (response.code() == 400 || response.code() == 404)) {
				throw YouTubeFailures.listNotFound(what);
			}
			check(response, what);
			return response.body().string();
		}
		catch (IOException ex) {
			throw YouTubeFailures.unreachable(ex);
		}
	}

	/** Throws the failure an answer that is not a success stands for. */
	private void check(Response response, String what) {
		int status = response.code();
		if (status == 429) {
			throw YouTubeFailures.blocked("HTTP 429 Too Many Requests",
					RetryAfter.parse(response.header("Retry-After"), this.clock));
		}
		if (status == 403) {
			throw YouTubeFailures.blocked("HTTP 403 Forbidden for " + what, null);
		}
		if (status >= 500) {
			throw YouTubeFailures.serverError(status);
		}
		if (!response.isSuccessful()) {
			throw YouTubeFailures.requestFailed(status, what);
		}
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

}
