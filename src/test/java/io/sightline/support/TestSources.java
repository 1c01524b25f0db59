package io.sightline.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Sources that misbehave on purpose, registered beside the real ones:
 * {@code https://flaky.test/NAME} fails its transcript once with a transient error,
 * {@code https://broken.test/NAME} fails permanently, and {@code https://gated.test/NAME}
 * waits in its transcript stage until the test opens the gate (in memory, or as a file
 * for other JVMs).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSources {

	public static final String PERMANENT_SENTENCE = "This video is private; ask its owner to share it, or upload its subtitles.";

	/** Metadata calls per URL, to prove that a retry resumes at the stage that failed. */
	public static final Map<String, AtomicInteger> METADATA_CALLS = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> TRANSCRIPT_CALLS = new ConcurrentHashMap<>();

	private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

	/**
	 * Where gate files live for {@code https://gated.test/NAME}: a file NAME there opens
	 * the gate.
	 */
	public static final String GATE_DIR_PROPERTY = "sightline.test.gate-dir";

	public static void open(String name) {
		gate(name).countDown();
	}

	private static CountDownLatch gate(String name) {
		return GATES.computeIfAbsent(name, (key) -> new CountDownLatch(1));
	}

	@Bean
	@Order(0)
	Source misbehavingSource() {
		return new Source() {

			@Override
			public boolean supports(SourceRequest request) {
				return request.url() != null && request.url().matches("https://(flaky|broken|gated|hungry)\\.test/.*");
			}

			@Override
			public SourceMetadata metadata(SourceRequest request) {
				METADATA_CALLS.computeIfAbsent(request.url(), (key) -> new AtomicInteger()).incrementAndGet();
				if (request.url().startsWith("https://broken.test/")) {
					throw SourceFailure.permanent("youtube.private", PERMANENT_SENTENCE);
				}
				return new SourceMetadata("Test talk " + lastPart(request), request.url(), "test", "Test channel", 120,
						null, "en");
			}

			@Override
			public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
				int call = TRANSCRIPT_CALLS.computeIfAbsent(request.url(), (key) -> new AtomicInteger())
					.incrementAndGet();
				if (request.url().startsWith("https://flaky.test/") && call == 1) {
					throw SourceFailure.temporary("youtube.server_error",
							"The video site answered 503; it may be busy.", Duration.ofMillis(300), null);
				}
				if (request.url().startsWith("https://gated.test/")) {
					waitForGate(lastPart(request));
				}
				if (request.url().startsWith("https://hungry.test/")) {
					exhaustTheHeap();
				}
				return talk();
			}

			@Override
			public String name() {
				return "test";
			}

		};
	}

	/** What a pathological input can do to a parser: take memory until there is none. */
	private static void exhaustTheHeap() {
		List<long[]> hoard = new ArrayList<>();
		while (true) {
			hoard.add(new long[1 << 20]);
		}
	}

	private static void waitForGate(String name) {
		String gateDir = System.getProperty(GATE_DIR_PROPERTY);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		try {
			while (System.nanoTime() < deadline) {
				if (gateDir != null && Files.exists(Path.of(gateDir, name))) {
					return;
				}
				if (gate(name).await(50, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SourceFailure.temporary("test.interrupted", "Interrupted while waiting for the test gate.", null, ex);
		}
		throw new IllegalStateException("test gate " + name + " was never opened");
	}

	private static String lastPart(SourceRequest request) {
		return request.url().substring(request.url().lastIndexOf('/') + 1);
	}

	/**
	 * A short talk of full sentences, enough for the extractive summarizer to pick five
	 * key points.
	 */
	static Transcript talk() {
		List<String> lines = List.of("Welcome to this talk about building reliable distributed systems at scale.",
				"Reliable systems need careful thinking about failure, retries and idempotent operations.",
				"A retry without backoff can overload a service that is already struggling under load.",
				"Exponential backoff with jitter spreads retries over time and protects overloaded services.",
				"Idempotent operations make retries safe because repeating them changes nothing more.",
				"Databases give durable state that survives a crash of any single server process.",
				"Progress reports should never move backwards, because users lose trust in the numbers.",
				"Cancelling a long task should stop the work at the next safe boundary between steps.",
				"Monitoring with metrics shows how long each stage takes and how often retries happen.",
				"Testing failure paths on purpose finds the bugs that only appear in production otherwise.",
				"Thank you all for listening to this talk about reliable distributed systems today.");
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			segments.add(new Segment(i * 10.0, 9.0, lines.get(i)));
		}
		return new Transcript(segments, "en", 0);
	}

}
