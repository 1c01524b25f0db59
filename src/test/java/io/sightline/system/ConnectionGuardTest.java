package io.sightline.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.sightline.SightlineApplication;
import io.sightline.support.TestDatabases;
import io.sightline.task.Task;
import io.sightline.task.TaskSource;
import io.sightline.task.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow senders and greedy clients: a request whose headers trickle in is closed at the
 * header deadline although each line comes well within the read timeout, and one address
 * holds at most its share of connections while others are served.
 */
@SpringBootTest(classes = SightlineApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ConnectionGuardTest {

	private static final int PER_ADDRESS = 8;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		registry.add("server.tomcat.connection-timeout", () -> "20s");
		registry.add("sightline.http.header-deadline", () -> "2s");
		registry.add("sightline.http.max-connections-per-address", () -> String.valueOf(PER_ADDRESS));
	}

	@LocalServerPort
	int port;

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Autowired
	Tasks tasks;

	@Test
	void aRequestWhoseHeadersTrickleInIsClosedAtTheDeadlineWhileOthersAreServed() throws Exception {
		Task task = this.tasks.create(Owners.LOCAL,
				new TaskSource(TaskSource.Kind.URL, "https://example.com/long-stream", null, null, null, null), null,
				"Queued");
		Socket stream = connect("127.0.0.1");
		stream.getOutputStream()
			.write(("GET /api/progress/" + task.id() + "/events HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		Socket trickler = connect("127.0.0.1");
		OutputStream out = trickler.getOutputStream();
		out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		assertThat(get("127.0.0.1")).as("served while the slow one sends").isEqualTo(200);
		// a header line every half second: never idle as long as the 20 s read timeout
		AtomicInteger line = new AtomicInteger();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
			try {
				out.write(("X-Line-" + line.getAndIncrement() + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				return closedByServer(trickler);
			}
			catch (IOException reset) {
				return true;
			}
		});
		// a response streaming past the deadline is no late request: its connection stays
		stream.setSoTimeout(5_000);
		String opened = new String(stream.getInputStream().readNBytes(15), StandardCharsets.US_ASCII);
		assertThat(opened).isEqualTo("HTTP/1.1 200 \r\n");
		assertThat(closedByServer(stream)).isFalse();
	}

	@Test
	void oneAddressHoldsAtMostItsShareOfConnectionsAndOthersAreStillServed() throws Exception {
		List<Socket> held = new ArrayList<>();
		for (int i = 0; i < PER_ADDRESS; i++) {
			held.add(connect("127.0.0.1"));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Socket extra = connect("127.0.0.1");
			assertThat(closedByServer(extra)).isTrue();
		});
		assertThat(get("127.0.0.2")).isEqualTo(200);

		for (Socket socket : held) {
			socket.close();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("127.0.0.1")).isEqualTo(200));
	}

	private Socket connect(String from) throws IOException {
		Socket socket = new Socket();
		this.sockets.add(socket);
		socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		return socket;
	}

	/** Whether the server closed the connection (read at its end within a short wait). */
	private static boolean closedByServer(Socket socket) throws IOException {
		socket.setSoTimeout(300);
		try {
			InputStream in = socket.getInputStream();
			return in.read() == -1;
		}
		catch (SocketTimeoutException open) {
			return false;
		}
		catch (IOException reset) {
			return true;
		}
	}

	/** The status of a health check sent from an address. */
	private int get(String from) throws IOException {
		try (Socket socket = connect(from)) {
			socket.setSoTimeout(5_000);
			socket.getOutputStream()
				.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
		}
	}

}
