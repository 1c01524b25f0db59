package io.sightline.source.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.sightline.source.SourceFailure;
import io.sightline.system.Lazy;
import io.sightline.system.RetryAfter;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client for URLs a user gave: http and https only; each host resolved once
 * and checked by the {@link AddressPolicy}, and the connection made to that checked
 * address; a byte limit, connect, read and total timeouts; redirects followed by hand, at
 * most {@code max-redirects}, each checked like the first URL; only HTML and plain text
 * accepted. Every failure is a {@link SourceFailure} whose sentence says what to do.
 */
@Component
public class GuardedFetcher {

	private static final String ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1";

	private final FetchProperties properties;

	private final AddressPolicy policy;

	/** Built on the first fetch: building it initializes TLS, which no start needs. */
	private final Lazy<OkHttpClient> client;

	private final Clock clock;

	@Autowired
	GuardedFetcher(FetchProperties properties, Clock clock) {
		this(properties, HostResolver.SYSTEM, clock);
	}

	public GuardedFetcher(FetchProperties properties, HostResolver resolver, Clock clock) {
		this.properties = properties;
		this.policy = AddressPolicy.of(properties);
		this.clock = clock;
		this.client = Lazy.of(() -> new OkHttpClient.Builder().dns(new GuardedDns(resolver, this.policy))
			.addNetworkInterceptor(this::checkConnectedAddress)
			.proxy(Proxy.NO_PROXY)
			.followRedirects(false)
			.followSslRedirects(false)
			// a kept-alive connection the server closed while idle fails only when used
			// again: OkHttp then sends the GET once more, on a new (checked) connection
			.retryOnConnectionFailure(true)
			.connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.build());
	}

	/**
	 * Why this URL will be refused whatever DNS says (a scheme other than http(s), an
	 * internal address literal, {@code localhost}), or empty. Makes no network call.
	 */
	public Optional<SourceFailure> refusalWithoutLookup(URI url) {
		return checkScheme(url).map((refusal) -> SourceFailure.permanent("request.unsupported_address", refusal))
			.or(() -> this.policy.refusalWithoutLookup(url.getHost())
				.map((refusal) -> SourceFailure.permanent("fetch.private_address", refusal)));
	}

	/**
	 * Fetches an HTML or plain-text page, or a feed ({@link Page#isFeed}) where one was
	 * given for a page.
	 */
	public Page get(URI url) {
		return exchange(url, this.clock.instant().plus(this.properties.totalTimeout()),
				(current, response) -> read(current, response, GuardedFetcher::pageType));
	}

	/**
	 * Fetches a document of any type (a feed, a transcript file): its media type is what
	 * the server said, lower case without parameters, or {@code application/octet-stream}
	 * when it said none; the reader decides from it and the bytes.
	 */
	public Page getDocument(URI url) {
		return exchange(url, this.clock.instant().plus(this.properties.totalTimeout()),
				(current, response) -> read(current, response, GuardedFetcher::anyType));
	}

	/**
	 * Downloads a file (a podcast episode's audio) to {@code target}, at most
	 * {@code sightline.fetch.max-download-size}, telling {@code progress} of the bytes so
	 * far and the total (0 when unknown); a report may throw to stop. Only the time
	 * between reads is limited, not the whole download. Answers the media type the server
	 * said (as {@link #getDocument}).
	 */
	public String download(URI url, Path target, Progress progress) {
		long maxBytes = this.properties.maxDownloadSize().toBytes();
		return exchange(url, Instant.MAX, (current, response) -> {
			ResponseBody body = response.body();
			long total = Math.max(0, body.contentLength());
			if (total > maxBytes) {
				throw tooLargeDownload(current, maxBytes);
			}
			long read = 0;
			try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(target)) {
				byte[] buffer = new byte[64 * 1024];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					out.write(buffer, 0, n);
					read += n;
					if (read > maxBytes) {
						throw tooLargeDownload(current, maxBytes);
					}
					progress.downloaded(read, total);
				}
			}
			if (total > 0 && read < total) {
				throw new IOException("the download ended after " + read + " of " + total + " bytes");
			}
			return anyType(current, body.contentType(), null);
		});
	}

	/** Told of a download's bytes so far and its total (0 when unknown). */
	@FunctionalInterface
	public interface Progress {

		void downloaded(long bytes, long total);

	}

	/** Reads an answer that is not a redirect and whose status is a success. */
	@FunctionalInterface
	private interface Reader<T> {

		T read(URI url, Response response) throws IOException;

	}

	/**
	 * Sends a GET to {@code url}, following redirects (each checked like the first), and
	 * reads the answer that ends them; every failure becomes a {@link SourceFailure}.
	 */
	private <T> T exchange(URI url, Instant deadline, Reader<T> reader) {
		URI current = url;
		for (int redirects = 0;; redirects++) {
			refusalWithoutLookup(current).ifPresent((refusal) -> {
				throw refusal;
			});
			try (Response response = execute(current, deadline)) {
				if (response.isRedirect()) {
					if (redirects >= this.properties.maxRedirects()) {
						throw SourceFailure.permanent("fetch.too_many_redirects",
								"The address redirected more than " + this.properties.maxRedirects()
										+ " times; open it in a browser and paste the address it ends at.");
					}
					current = location(current, response);
					continue;
				}
				checkStatus(current, response);
				return reader.read(current, response);
			}
			catch (GuardedDns.RefusedAddressException refused) {
				throw SourceFailure.permanent("fetch.private_address", refused.getMessage());
			}
			catch (UnknownHostException unknown) {
				throw SourceFailure.permanent("fetch.unknown_host",
						"The host name " + current.getHost() + " could not be found; check the address.");
			}
			catch (InterruptedIOException timeout) {
				if (Thread.currentThread().isInterrupted()) {
					throw SourceFailure.temporary("fetch.interrupted", "The fetch was interrupted.", null, timeout);
				}
				throw SourceFailure.temporary("fetch.timeout",
						host(current) + " did not answer within the time limit ("
								+ seconds(this.properties.totalTimeout()) + " in all, "
								+ seconds(this.properties.readTimeout()) + " between reads); Sightline will try again.",
						null, timeout);
			}
			catch (IOException failed) {
				throw SourceFailure.temporary("fetch.connection_failed",
						"Could not read " + host(current) + " (" + failed.getClass().getSimpleName()
								+ ((failed.getMessage() != null) ? ": " + failed.getMessage() : "")
								+ "); Sightline will try again.",
						null, failed);
			}
		}
	}

	/**
	 * The last line: whatever route the client took (an address literal is never looked
	 * up), the request is sent only over a connection to an allowed address.
	 */
	private Response checkConnectedAddress(Interceptor.Chain chain) throws IOException {
		Connection connection = chain.connection();
		if (connection != null) {
			InetAddress address = connection.route().socketAddress().getAddress();
			Optional<String> refusal = this.policy.refusal(chain.request().url().host(), address);
			if (refusal.isPresent()) {
				throw new GuardedDns.RefusedAddressException(refusal.get());
			}
		}
		return chain.proceed(chain.request());
	}

	private Response execute(URI url, Instant deadline) throws IOException {
		Duration left = deadline.equals(Instant.MAX) ? Duration.ZERO : Duration.between(this.clock.instant(), deadline);
		if (!deadline.equals(Instant.MAX) && (left.isNegative() || left.isZero())) {
			throw new InterruptedIOException("timeout");
		}
		Request request = new Request.Builder().url(url.toString())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", ACCEPT)
			.header("Accept-Language", "en-US,en;q=0.8,*;q=0.5")
			.get()
			.build();
		Call call = this.client.get().newCall(request);
		// zero: no limit on the whole call, only between reads
		call.timeout().timeout(left.toMillis(), TimeUnit.MILLISECONDS);
		return call.execute();
	}

	private static URI location(URI from, Response response) {
		String location = response.header("Location");
		if (location == null || location.isBlank()) {
			throw SourceFailure.permanent("fetch.bad_redirect",
					host(from) + " answered with a redirect that names no address; open it in a"
							+ " browser and paste the address it ends at.");
		}
		try {
			return from.resolve(new URI(location.strip().replace(" ", "%20")));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw SourceFailure.permanent("fetch.bad_redirect",
					host(from) + " redirected to an address that is not valid (" + location
							+ "); open it in a browser and paste the address it ends at.");
		}
	}

	private void checkStatus(URI url, Response response) {
		int status = response.code();
		if (status == 429 || status == 503) {
			throw SourceFailure.temporary("fetch.rate_limited",
					host(url) + " answered " + status + " (too busy or rate-limited); Sightline will" + " try again.",
					RetryAfter.parse(response.header("Retry-After"), this.clock), null);
		}
		if (status >= 500) {
			throw SourceFailure.temporary("fetch.server_error",
					host(url) + " answered " + status + " (a server error); Sightline will try again.", null, null);
		}
		if (status == 401 || status == 403) {
			throw SourceFailure.permanent("fetch.forbidden",
					host(url) + " answered " + status + ": the page needs a login or refuses"
							+ " servers; copy its text into a .txt file and upload that instead.");
		}
		if (status == 404 || status == 410) {
			throw SourceFailure.permanent("fetch.not_found",
					host(url) + " answered " + status + ": there is no page at " + url + "; check the address.");
		}
		if (status < 200 || status >= 300) {
			throw SourceFailure.permanent("fetch.http_error",
					host(url) + " answered " + status + " for " + url + "; check the address.");
		}
	}

	/** A media type rule: the type to read the bytes as, or a refusal. */
	@FunctionalInterface
	private interface TypeRule {

		String of(URI url, MediaType type, byte[] bytes);

	}

	private Page read(URI url, Response response, TypeRule types) throws IOException {
		ResponseBody body = response.body();
		long max = this.properties.maxBytes().toBytes();
		if (body.contentLength() > max) {
			throw tooLarge(url);
		}
		BufferedSource source = body.source();
		Buffer buffer = new Buffer();
		while (buffer.size() <= max) {
			if (source.read(buffer, 8192) == -1) {
				break;
			}
		}
		if (buffer.size() > max) {
			throw tooLarge(url);
		}
		byte[] bytes = buffer.readByteArray();
		MediaType type = body.contentType();
		String mediaType = types.of(url, type, bytes);
		Charset charset = (type != null) ? type.charset() : null;
		return new Page(URI.create(response.request().url().toString()), mediaType, charset, bytes);
	}

	private static String anyType(URI url, MediaType type, byte[] bytes) {
		return (type != null) ? (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT)
				: "application/octet-stream";
	}

	private static String pageType(URI url, MediaType type, byte[] bytes) {
		if (Page.looksLikeFeed(bytes)) {
			// a feed where a page was expected: the caller reads it as a list
			return anyType(url, type, bytes);
		}
		if (type == null) {
			String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
				.toLowerCase(Locale.ROOT);
			if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
				return "text/html";
			}
			throw SourceFailure.permanent("fetch.unknown_content_type", host(url) + " did not say what kind of content "
					+ url
					+ " is; Sightline reads web pages and plain text, so copy the text into a .txt file and upload it.");
		}
		String name = type.type() + "/" + type.subtype();
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "text/html", "application/xhtml+xml" -> "text/html";
			case "text/plain" -> "text/plain";
			default -> throw SourceFailure.permanent("fetch.unsupported_content_type", url + " is " + name
					+ ", not a web page; Sightline reads HTML and"
					+ " plain text, so upload its transcript or text as a .txt, .md, .srt or .vtt file instead.");
		};
	}

	private SourceFailure tooLarge(URI url) {
		return SourceFailure.permanent("fetch.too_large",
				"The page at " + url + " is larger than " + this.properties.maxBytes().toMegabytes()
						+ " MB, the limit for web pages; save its text as a .txt file and upload that instead.");
	}

	private static SourceFailure tooLargeDownload(URI url, long maxBytes) {
		return SourceFailure.permanent("fetch.download_too_large",
				"The file at " + url + " is larger than " + (maxBytes >> 20)
						+ " MB, the limit for downloads (sightline.fetch.max-download-size); upload"
						+ " a shorter recording of it, or its transcript.");
	}

	private static Optional<String> checkScheme(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of("Only http and https addresses can be fetched, not " + url + ".");
		}
		if (url.getHost() == null || url.getHost().isBlank()) {
			return Optional.of("The address " + url + " has no host name; check it.");
		}
		return Optional.empty();
	}

	private static String host(URI url) {
		return (url.getHost() != null) ? url.getHost() : url.toString();
	}

	private static String seconds(Duration duration) {
		return Math.max(1, duration.toSeconds()) + " s";
	}

}
