package io.sightline.source.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
			.retryOnConnectionFailure(false)
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

	/** Fetches an HTML or plain-text page. */
	public Page get(URI url) {
		Instant deadline = this.clock.instant().plus(this.properties.totalTimeout());
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
				return read(current, response);
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
		Duration left = Duration.between(this.clock.instant(), deadline);
		if (left.isNegative() || left.isZero()) {
			throw new InterruptedIOException("timeout");
		}
		Request request = new Request.Builder().url(url.toString())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", ACCEPT)
			.header("Accept-Language", "en-US,en;q=0.8,*;q=0.5")
			.get()
			.build();
		Call call = this.client.get().newCall(request);
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

	private Page read(URI url, Response response) throws IOException {
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
		String mediaType = mediaType(url, type, bytes);
		Charset charset = (type != null) ? type.charset() : null;
		return new Page(URI.create(response.request().url().toString()), mediaType, charset, bytes);
	}

	private static String mediaType(URI url, MediaType type, byte[] bytes) {
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
