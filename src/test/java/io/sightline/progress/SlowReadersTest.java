package io.sightline.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.sightline.SightlineApplication;
import io.sightline.support.TestDatabases;
import io.sightline.system.Owners;
import io.sightline.task.Task;
import io.sightline.task.TaskSource;
import io.sightline.task.TaskTracker;
import io.sightline.task.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One task followed by 200 SSE clients that never read, and another task on the same
 * delivery lane followed by one client that does: every event of the second still reaches
 * its client within 200 ms of its commit, and the stuck clients are dropped once their
 * bounded buffers are full (each can resume with {@code Last-Event-ID}).
 */
@SpringBootTest(classes = SightlineApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SlowReadersTest.SmallSendBuffers.class)
class SlowReadersTest {

	private static final int STUCK_CLIENTS = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		registry.add("server.tomcat.max-connections", () -> "1000");
		registry.add("sightline.progress.slow-reader-buffer", () -> "16KB");
		// how long a write may wait for a client that does not read before the server
		// closes the connection
		registry.add("server.tomcat.connection-timeout", () -> "3s");
	}

	@LocalServerPort
	int port;

	/**
	 * Small socket send buffers, as on a busy server: the kernel takes only a few events
	 * before a client that does not read makes the server's writes wait.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSendBuffers {

		@Bean
		TomcatConnectorCustomizer smallSendBuffers() {
			return (connector) -> connector.setProperty("socket.txBufSize", "8192");
		}

	}

	@Autowired
	Tasks tasks;

	@Autowired
	ProgressHub hub;

	private final List<Socket> stuck = new ArrayList<>();

	@AfterEach
	void closeStuckClients() throws IOException {
		for (Socket socket : this.stuck) {
			socket.close();
		}
	}

	@Test
	void clientsThatNeverReadHoldBackNoOtherSubscriberAndAreDropped() throws Exception {
		Task crowded = newTask();
		Task watched = newTask();
		while (ProgressHub.laneOf(watched.id()) != ProgressHub.laneOf(crowded.id())) {
			watched = newTask();
		}
		for (int i = 0; i < STUCK_CLIENTS; i++) {
			this.stuck.add(neverReading(crowded));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.hub.subscriberCount() >= STUCK_CLIENTS);

		List<Long> delays = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = follow(watched, delays);
		await().atMost(Duration.ofSeconds(10)).until(() -> delays.size() == 1);

		// the crowded task changes every 10 ms (far more often than a real one), with
		// events of 1 KB, so the stuck clients' sockets fill at once and stay full
		TaskTracker crowdedTracker = this.tasks.track(crowded);
		AtomicInteger crowdedChanges = new AtomicInteger();
		CompletableFuture<Void> crowd = CompletableFuture.runAsync(() -> {
			for (int i = 0; this.hub.subscriberCount() > 0 && i < 3_000; i++) {
				crowdedTracker.milestone(5, "Crowded change " + i + " " + "x".repeat(900));
				crowdedChanges.incrementAndGet();
				LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
		});

		TaskTracker watchedTracker = this.tasks.track(watched);
		int changes = 30;
		for (int i = 1; i <= changes; i++) {
			watchedTracker.milestone(i, "Watched change " + i);
			int seen = i + 1;
			await().atMost(Duration.ofSeconds(5)).until(() -> delays.size() >= seen);
		}
		watchedTracker.complete("Summary ready", () -> {
		});
		reader.get();
		crowd.get();

		List<Long> sorted = delays.subList(1, delays.size()).stream().sorted().toList();
		System.out.printf(
				"Slow readers: %d stuck clients dropped after %d crowded changes; %d events to the"
						+ " other subscriber, delay after commit median %d ms, max %d ms%n",
				STUCK_CLIENTS, crowdedChanges.get(), sorted.size(), sorted.get(sorted.size() / 2),
				sorted.get(sorted.size() - 1));
		assertThat(delays).hasSize(changes + 2);
		assertThat(delays.subList(1, delays.size())).as("ms from each commit to its event at the reader")
			.allSatisfy((delay) -> assertThat(delay).isLessThan(200));
		assertThat(this.hub.subscriberCount()).as("stuck clients not dropped after 3,000 changes").isZero();
		// the server ends a dropped stream once its last write has waited out the
		// socket's
		// write deadline (server.tomcat.connection-timeout): each stuck client then reads
		// what its socket holds and sees the connection end
		for (Socket socket : this.stuck) {
			assertThat(readsToTheEnd(socket)).isTrue();
		}
	}

	private static boolean readsToTheEnd(Socket socket) throws IOException {
		// the server closes after its write deadline (3 s here)
		socket.setSoTimeout(30_000);
		byte[] buffer = new byte[64 * 1024];
		try {
			while (socket.getInputStream().read(buffer) >= 0) {
				// what the socket held
			}
			return true;
		}
		catch (SocketException reset) {
			return true;
		}
		catch (SocketTimeoutException stillOpen) {
			return false;
		}
	}

	private Task newTask() {
		return this.tasks.create(Owners.LOCAL,
				new TaskSource(TaskSource.Kind.URL, "https://example.com/slow-readers", null, null, null, null), null,
				"Queued");
	}

	/**
	 * A client that asks for the task's events with a tiny receive window and never
	 * reads.
	 */
	private Socket neverReading(Task task) throws IOException {
		Socket socket = new Socket();
		// a buffer that fills soon, yet not so small that, once the test reads, the
		// window it
		// frees is too small to advertise on loopback (64 KB segments): with 1 KB, the
		// server's closed socket (FIN-WAIT-1, its last bytes and FIN unsent) got through
		// only
		// on the kernel's backed-off window probes, after more than a minute, depending
		// on
		// how the bytes happened to fall
		socket.setReceiveBufferSize(64 * 1024);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		OutputStream out = socket.getOutputStream();
		out.write(("GET /api/progress/" + task.id() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Accept: text/event-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.flush();
		return socket;
	}

	/**
	 * Reads the task's events as they come, recording each one's delay after its commit.
	 */
	private CompletableFuture<Void> follow(Task task, List<Long> delays) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/progress/" + task.id() + "/events"))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(60))
			.build();
		return CompletableFuture.runAsync(() -> {
			try {
				HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
					.send(request, HttpResponse.BodyHandlers.ofLines());
				response.body().filter((line) -> line.startsWith("data:")).forEach((line) -> {
					Instant arrived = Instant.now();
					JsonNode state = JSON.readTree(line.substring(5));
					Instant committed = Instant.parse(state.get("updated_at").asString());
					delays.add(Duration.between(committed, arrived).toMillis());
				});
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
