package io.sightline.source.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.sightline.source.SourceFailure;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SSRF matrix against a real local server. Names resolve through a fixed table: the
 * test server lives on 127.0.0.1, which the policy under test allows as if it were a
 * public address ({@code allowed-networks=127.0.0.1/32}) so that redirects onward to
 * internal addresses can be shown to be refused.
 */
class GuardedFetcherTest {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, String> dns = Map.of("public.example", "127.0.0.1", "internal.example", "10.0.0.5",
			"rebind.example", "8.8.8.8,127.0.0.2", "loop.example", "127.0.0.2");

	@BeforeEach
	void start() throws Exception {
		this.server.start(InetAddress.getByName("127.0.0.1"), 0);
	}

	@AfterEach
	void stop() throws Exception {
		this.server.shutdown();
	}

	private GuardedFetcher fetcher(boolean allowPrivate, List<String> allowed) {
		FetchProperties properties = new FetchProperties(allowPrivate, allowed, DataSize.ofKilobytes(64),
				DataSize.ofKilobytes(256), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3), 5,
				"Sightline-test");
		HostResolver resolver = (host) -> {
			String addresses = this.dns.get(host);
			if (addresses == null) {
				if (host.equals("localhost")) {
					return List.of(InetAddress.getLoopbackAddress());
				}
				throw new UnknownHostException(host);
			}
			List<InetAddress> resolved = new ArrayList<>();
			for (String address : addresses.split(",")) {
				resolved.add(InetAddress.getByName(address));
			}
			return resolved;
		};
		return new GuardedFetcher(properties, resolver, Clock.systemUTC());
	}

	private GuardedFetcher asIfPublic() {
		return fetcher(false, List.of("127.0.0.1/32"));
	}

	private URI url(String host, String path) {
		return URI.create("http://" + host + ":" + this.server.getPort() + path);
	}

	@Test
	void aPublicPageIsFetched() {
		this.server
			.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody("<p>hi</p>"));
		Page page = asIfPublic().get(url("public.example", "/a"));
		assertThat(new String(page.body())).isEqualTo("<p>hi</p>");
		assertThat(page.mediaType()).isEqualTo("text/html");
		assertThat(page.charset()).hasToString("UTF-8");
	}

	@Test
	void aConnectionTheServerClosedWhileIdleIsNotAFailure() {
		// the server closes the kept-alive connection once the answer is sent, without
		// saying so, as servers do after their idle timeout (Node's is 5 s)
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
			.setBody("<p>one</p>")
			.setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>two</p>"));
		GuardedFetcher fetcher = asIfPublic();
		assertThat(new String(fetcher.get(url("public.example", "/a")).body())).isEqualTo("<p>one</p>");
		assertThat(new String(fetcher.get(url("public.example", "/b")).body())).isEqualTo("<p>two</p>");
	}

	@Test
	void loopbackIsRefusedByDefaultWithoutConnecting() {
		SourceFailure failure = refused(fetcher(false, List.of()), url("127.0.0.1", "/"));
		assertThat(failure.getMessage()).contains("127.0.0.1 is a loopback address")
			.contains(AddressPolicy.SETTING + "=true");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aHostNameThatResolvesToLoopbackIsRefused() {
		assertThat(refused(fetcher(false, List.of()), url("localhost", "/")).getMessage())
			.contains("localhost → 127.0.0.1 is a loopback address");
		assertThat(refused(asIfPublic(), url("loop.example", "/")).getMessage()).contains("loopback");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aNameWithOnePublicAndOneInternalAddressIsRefused() {
		assertThat(refused(asIfPublic(), url("rebind.example", "/")).getMessage()).contains("127.0.0.2");
	}

	@Test
	void withTheSettingLoopbackIsFetched() {
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("notes"));
		assertThat(fetcher(true, List.of()).get(url("127.0.0.1", "/notes.txt")).mediaType()).isEqualTo("text/plain");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/admin",
			"http://internal.example/", "http://0.0.0.0/", "http://[::ffff:192.168.0.1]/" })
	void aRedirectToAnInternalAddressIsRefused(String target) {
		this.server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", target));
		SourceFailure failure = refused(asIfPublic(), url("public.example", "/start"));
		assertThat(failure.getMessage()).startsWith("Sightline does not fetch addresses on private networks");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aRedirectToAnotherSchemeIsRefused() {
		this.server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "file:///etc/passwd"));
		assertThat(refused(asIfPublic(), url("public.example", "/start")).getMessage())
			.startsWith("Only http and https addresses can be fetched");
	}

	@Test
	void redirectsAreFollowedUpToFiveTimes() {
		for (int i = 1; i <= 5; i++) {
			this.server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/hop" + i));
		}
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<p>end</p>"));
		assertThat(asIfPublic().get(url("public.example", "/hop0")).url().getPath()).isEqualTo("/hop5");

		for (int i = 0; i <= 6; i++) {
			this.server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/loop"));
		}
		assertThat(refused(asIfPublic(), url("public.example", "/loop")).getMessage())
			.startsWith("The address redirected more than 5 times");
	}

	@Test
	void anOversizeBodyIsRefusedWhetherItsLengthIsDeclaredOrNot() {
		String big = "x".repeat(70 * 1024);
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(big));
		assertThat(refused(asIfPublic(), url("public.example", "/big")).getMessage()).contains("is larger than");
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setChunkedBody(big, 4096));
		assertThat(refused(asIfPublic(), url("public.example", "/chunked")).getMessage()).contains("is larger than");
	}

	@Test
	void aSlowBodyRunsIntoTheTotalTimeoutAndIsWorthARetry() {
		this.server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
			.setBody(new Buffer().writeUtf8("<p>" + "slow ".repeat(400) + "</p>"))
			.throttleBody(64, 500, TimeUnit.MILLISECONDS));
		SourceFailure failure = catchThrowableOfType(SourceFailure.class,
				() -> asIfPublic().get(url("public.example", "/slow")));
		assertThat(failure).isNotNull();
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).contains("did not answer within the time limit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/pdf", "image/png", "application/json", "application/octet-stream" })
	void onlyHtmlAndPlainTextAreAccepted(String type) {
		this.server.enqueue(new MockResponse().setHeader("Content-Type", type).setBody("%PDF-1.7"));
		assertThat(refused(asIfPublic(), url("public.example", "/file")).getMessage())
			.contains("is " + type + ", not a web page");
	}

	@Test
	void rateLimitsAndServerErrorsAreTransientMissingPagesPermanent() {
		this.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12"));
		SourceFailure limited = catchThrowableOfType(SourceFailure.class,
				() -> asIfPublic().get(url("public.example", "/busy")));
		assertThat(limited.isTransient()).isTrue();
		assertThat(limited.retryAfter()).contains(Duration.ofSeconds(12));
		this.server.enqueue(new MockResponse().setResponseCode(404));
		assertThat(refused(asIfPublic(), url("public.example", "/gone")).getMessage()).contains("answered 404");
	}

	@Test
	void unknownHostsAndOtherSchemesAreRefused() {
		assertThat(refused(asIfPublic(), URI.create("http://nowhere.example/")).getMessage())
			.contains("could not be found");
		assertThat(refused(asIfPublic(), URI.create("ftp://public.example/")).getMessage())
			.startsWith("Only http and https");
		assertThat(asIfPublic().refusalWithoutLookup(URI.create("http://127.0.0.2/"))).isPresent();
		assertThat(asIfPublic().refusalWithoutLookup(URI.create("https://example.com/"))).isEmpty();
	}

	private static SourceFailure refused(GuardedFetcher fetcher, URI url) {
		SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> fetcher.get(url));
		assertThat(failure).as("a SourceFailure for " + url).isNotNull();
		assertThat(failure.isTransient()).as(failure.getMessage()).isFalse();
		return failure;
	}

}
