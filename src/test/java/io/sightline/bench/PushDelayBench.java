package io.sightline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sightline.support.ChatStub;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push delay: SUBSCRIBERS SSE clients ({@link SseLoad}: one thread, plain sockets) on one
 * node follow TASKS tasks that change steadily (LLM summaries of the one-hour talk, part
 * by part, against a local model stub answering in 150 ms), and each event's delay is its
 * arrival time minus the change's {@code updated_at}; only changes made after every
 * subscriber is connected count (the steady state, not the connection storm). Starts the
 * server from target/sightline.jar itself. Loopback only; bounded by the tasks' length.
 * The server's heap limit is {@code BENCH_SERVER_HEAP} (default {@code 1g}); the stub's
 * answer time, and so how often each task changes, is {@code BENCH_MODEL_DELAY_MS}
 * (default 150).
 * <pre>BENCH_MAIN=io.sightline.bench.PushDelayBench bench/quality/run.sh SUBSCRIBERS [TASKS]</pre>
 */
public final class PushDelayBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PushDelayBench() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int taskCount = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		long answerMillis = Long.parseLong(System.getenv().getOrDefault("BENCH_MODEL_DELAY_MS", "150"));
		// the first answers wait until every subscriber is connected; then the stub
		// answers steadily
		ChatStub model = new ChatStub().answerDelay(Duration.ofSeconds(20));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("sightline-push-");
		String serverHeap = System.getenv().getOrDefault("BENCH_SERVER_HEAP", "1g");
		Process server = new ProcessBuilder("java", "-Xmx" + serverHeap, "-jar", "target/sightline.jar",
				"--server.port=" + port, "--sightline.data-dir=" + data,
				"--spring.ai.openai.base-url=" + model.baseUrl(), "--spring.ai.openai.chat.options.model=stub",
				"--sightline.llm.context-budget=400", "--sightline.llm.max-parallel=1",
				"--db-scheduler.threads=" + taskCount, "--server.tomcat.max-connections=" + (subscribers + 1000),
				// every subscriber comes from loopback
				"--sightline.http.max-connections-per-address=0", "--sightline.tasks.write-interval=50ms")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("server.log").toFile())
			.start();
		String base = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		try {
			waitReady(http, base);
			byte[] talk = Files.readAllBytes(Path.of("examples/IO2009-The_Myth_of_the_Genius_Programmer.srt"));
			List<String> tasks = new ArrayList<>();
			for (int i = 0; i < taskCount; i++) {
				tasks.add(submit(http, base, talk));
			}
			ConcurrentLinkedQueue<long[]> delays = new ConcurrentLinkedQueue<>();
			List<String> paths = new ArrayList<>();
			for (int i = 0; i < subscribers; i++) {
				paths.add("/api/progress/" + tasks.get(i % tasks.size()) + "/events");
			}
			SseLoad load = new SseLoad("127.0.0.1", port, paths, delays);
			Thread reader = new Thread(load, "sse-load");
			reader.start();
			AtomicInteger open = load.open;
			AtomicInteger ended = load.ended;
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			long allOpenAt = Long.MAX_VALUE;
			while (ended.get() < subscribers && System.nanoTime() < deadline) {
				if (allOpenAt == Long.MAX_VALUE && open.get() == subscribers) {
					allOpenAt = System.currentTimeMillis();
					model.answerDelay(Duration.ofMillis(answerMillis));
				}
				TimeUnit.MILLISECONDS.sleep(100);
			}
			reader.interrupt();
			// steady state only: changes made once every subscriber was connected (not
			// the connection storm)
			long steadyFrom = allOpenAt;
			long all = delays.size();
			long heap = heapUsed(http, base);
			List<Long> sorted = new ArrayList<>(
					delays.stream().filter((delay) -> delay[0] >= steadyFrom).map((delay) -> delay[1]).toList());
			Collections.sort(sorted);
			System.out.printf(Locale.ROOT,
					"subscribers %d (peak open %d, ended %d), tasks %d, model answer %d ms, events %d (%d in steady state)%n",
					subscribers, open.get(), ended.get(), taskCount, answerMillis, all, sorted.size());
			if (!sorted.isEmpty()) {
				System.out.printf(Locale.ROOT, "delay change-to-client: p50 %d ms, p99 %d ms, max %d ms%n",
						sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)),
						sorted.get(sorted.size() - 1));
			}
			System.out.printf(Locale.ROOT, "server heap used after the run: %.0f MB%n", heap / 1048576.0);
			System.out.println("server-side fan-out (commit to last subscriber written), last 2 minutes: "
					+ metric(http, base, "sightline_progress_fan_out_seconds{quantile=\"0.5\"}") + " s p50, "
					+ metric(http, base, "sightline_progress_fan_out_seconds{quantile=\"0.99\"}") + " s p99");
		}
		finally {
			server.destroy();
			server.waitFor(30, TimeUnit.SECONDS);
			model.close();
		}
	}

	private static String submit(HttpClient http, String base, byte[] talk) throws Exception {
		String boundary = "bench";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"summarizer\"\r\n\r\nllm\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.srt\"\r\n\r\n")
			.getBytes();
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/summaries"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, talk, tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).get("task_id").asString();
	}

	private static void waitReady(HttpClient http, String base) throws Exception {
		for (int i = 0; i < 240; i++) {
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// starting
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new IllegalStateException("the server did not become ready");
	}

	private static String metric(HttpClient http, String base, String series) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body()
			.lines()
			.filter((line) -> line.startsWith(series.substring(0, series.indexOf('{')))
					&& line.contains(series.substring(series.indexOf('{') + 1, series.length() - 1)))
			.map((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElse("?");
	}

	private static long heapUsed(HttpClient http, String base) throws Exception {
		String body = http
			.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return (long) body.lines()
			.filter((line) -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
