package io.sightline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local YouTube that replays the recorded responses of
 * {@code src/test/resources/youtube/jdepoix}: {@code GET /watch},
 * {@code POST /youtubei/v1/player} and {@code GET /api/timedtext}. By default it answers
 * as the recordings' tests do (watch page, a playable video with nine caption tracks, the
 * three-cue transcript); a test swaps one answer per video id to replay a failure, and
 * reads back every request that reached it. Player answers are served for whichever video
 * was asked for, their caption addresses rewritten to name it.
 */
public final class YouTubeReplay implements AutoCloseable {

	public static final String VIDEO = "GJLlxj_dtq8";

	private final MockWebServer server;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	/**
	 * When each request arrived ({@link System#nanoTime()}), in the order of requests.
	 */
	private final List<Long> arrivals = new CopyOnWriteArrayList<>();

	private final Map<String, List<Answer>> watchPages = new ConcurrentHashMap<>();

	private final Map<String, Answer> players = new ConcurrentHashMap<>();

	private final Map<String, Answer> timedTexts = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> watchCalls = new ConcurrentHashMap<>();

	private final Map<String, Duration> delays = new ConcurrentHashMap<>();

	/**
	 * Recorded answers of the innertube list endpoints (browse, resolve_url), by what
	 * their request asked for.
	 */
	private final Map<String, Recorded> lists = new ConcurrentHashMap<>();

	/** A recorded answer: its status and body. */
	private record Recorded(int status, String body) {
	}

	/** Watch pages written out, rather than recorded, per video. */
	private final Map<String, String> pages = new ConcurrentHashMap<>();

	/**
	 * Player answers for the client that gets stream addresses (VISIONOS), as JSON text.
	 */
	private final Map<String, String> audioPlayers = new ConcurrentHashMap<>();

	/** The bytes served for every stream address ({@code /videoplayback}). */
	private volatile byte[] audio;

	/** How long each stream answer waits before it comes. */
	private volatile Duration audioDelay = Duration.ZERO;

	/** A canned answer: a status and a recorded file (or none), with extra headers. */
	public record Answer(int status, String file, Map<String, String> headers) {

		public static Answer file(String file) {
			return new Answer(200, file, Map.of());
		}

		public static Answer status(int status) {
			return new Answer(status, null, Map.of());
		}

	}

	public YouTubeReplay() {
		this.server = LocalServers.start((request) -> {
			synchronized (this.requests) {
				this.arrivals.add(System.nanoTime());
				this.requests.add(request);
			}
			return answer(request);
		});
	}

	/**
	 * Makes this replay the server's YouTube, with English the preferred caption
	 * language.
	 */
	public void serveAsYouTube(DynamicPropertyRegistry registry) {
		registry.add("sightline.youtube.base-url", this::baseUrl);
		registry.add("sightline.youtube.languages", () -> "en");
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	/**
	 * The watch pages to send for a video, one per call from now on; the last one
	 * repeats.
	 */
	public YouTubeReplay watchPages(String videoId, Answer... answers) {
		this.watchPages.put(videoId, List.of(answers));
		this.watchCalls.remove(videoId);
		return this;
	}

	public YouTubeReplay player(String videoId, Answer answer) {
		this.players.put(videoId, answer);
		return this;
	}

	/**
	 * The player answer the stream client (a {@code VISIONOS} request) gets for a video,
	 * as JSON text; its stream addresses are served {@link #audio}.
	 */
	public YouTubeReplay audioPlayer(String videoId, String json) {
		this.audioPlayers.put(videoId, json);
		return this;
	}

	/**
	 * A video without captions whose audio is {@code audio}: the caption client's player
	 * answer lists no captions, and the stream client's is as {@link #videoWithAudio}.
	 */
	public YouTubeReplay videoWithoutCaptions(String videoId, byte[] audio) {
		return videoWithAudio(videoId, audio).player(videoId,
				Answer.file("youtube_transcripts_disabled.innertube.json.static"));
	}

	/**
	 * A video (with captions, unless told otherwise) whose audio is {@code audio}: the
	 * stream client's player answer is a recorded 2026 VISIONOS answer
	 * (NewPipeExtractor's, GPL-3.0) whose audio streams say they are as long as
	 * {@code audio}, which every stream address serves.
	 */
	public YouTubeReplay videoWithAudio(String videoId, byte[] audio) {
		try (InputStream in = YouTubeReplay.class
			.getResourceAsStream("/youtube/newpipe/player_visionos_cclicensed.json")) {
			ObjectNode answer = (ObjectNode) JsonMapper.shared().readTree(in);
			for (JsonNode format : answer.path("streamingData").path("adaptiveFormats")) {
				((ObjectNode) format).put("contentLength", String.valueOf(audio.length));
			}
			return audioPlayer(videoId, answer.toString()).audio(audio);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A video without captions whose audio yt-dlp finds: its watch page is a small page
	 * with the innertube key (for Sightline's own requests) and an {@code <audio>}
	 * element that yt-dlp's generic extractor downloads from {@code /videoplayback},
	 * which serves {@code audio}.
	 */
	public YouTubeReplay videoForYtDlp(String videoId, byte[] audio) {
		this.pages.put(videoId,
				"<!DOCTYPE html><html><head><title>A talk without captions</title>"
						+ "<script>ytcfg.set({\"INNERTUBE_API_KEY\": \"AIzaReplayKey\"});</script></head><body>"
						+ "<audio controls src=\"/videoplayback?v=" + videoId
						+ "&amp;itag=140\" type=\"audio/mp4\"></audio>" + "</body></html>");
		return player(videoId, Answer.file("youtube_transcripts_disabled.innertube.json.static")).audio(audio);
	}

	/**
	 * Serves the recorded exchanges of NewPipeExtractor's 2026 list tests (GPL-3.0, see
	 * {@code youtube/newpipe/NOTES.md}): a long playlist with continuation pages, a
	 * channel's Videos tab reached through its resolved name, and playlists and channels
	 * that do not exist or were removed. Each answer is given to the request that asks
	 * for what its recording asked for (browse id and parameters, continuation token, or
	 * address); any other list request is answered 400, as YouTube answers an unknown id.
	 */
	public YouTubeReplay withRecordedLists() {
		for (String folder : List.of("youtubeplaylistextractor_continuationss", "youtubechanneltabextractor_videos",
				"youtubeplaylistextractor_notavailable", "youtubechannelextractor_notavailable")) {
			for (int n = 1; n < 20; n++) {
				String name = "/youtube/newpipe/" + folder + "/generated_mock_" + n + ".json";
				try (InputStream in = YouTubeReplay.class.getResourceAsStream(name)) {
					if (in == null) {
						continue;
					}
					JsonNode exchange = JsonMapper.shared().readTree(in);
					StringBuilder body = new StringBuilder();
					exchange.path("request").path("dataToSend").forEach((b) -> body.append((char) (b.asInt() & 0xFF)));
					JsonNode response = exchange.path("response");
					this.lists.put(
							listKey(new String(body.toString().getBytes(StandardCharsets.ISO_8859_1),
									StandardCharsets.UTF_8)),
							new Recorded(response.path("responseCode").asInt(),
									response.path("responseBody").asString()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return this;
	}

	/** What a list request asks for, whatever else its body holds. */
	private static String listKey(String body) {
		JsonNode request = JsonMapper.shared().readTree(body);
		return String.join("|", request.path("browseId").asString(""), request.path("params").asString(""),
				request.path("continuation").asString(""), request.path("url").asString(""));
	}

	/** What every stream address serves, honouring {@code Range}. */
	public YouTubeReplay audio(byte[] bytes) {
		this.audio = bytes.clone();
		return this;
	}

	/** Each stream answer comes after this pause, so a download can be interrupted. */
	public YouTubeReplay audioDelay(Duration delay) {
		this.audioDelay = delay;
		return this;
	}

	/** The timed-text answer for a video, whatever the language. */
	public YouTubeReplay timedText(String videoId, Answer answer) {
		this.timedTexts.put(videoId, answer);
		return this;
	}

	/**
	 * Every answer about this video comes after this pause, so its task runs long enough
	 * to be interrupted.
	 */
	public YouTubeReplay slow(String videoId, Duration delay) {
		this.delays.put(videoId, delay);
		return this;
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** The least time between two requests that reached this replay, in milliseconds. */
	public long shortestGapMillis() {
		List<Long> times = this.arrivals.stream().sorted().toList();
		long shortest = Long.MAX_VALUE;
		for (int i = 1; i < times.size(); i++) {
			shortest = Math.min(shortest, (times.get(i) - times.get(i - 1)) / 1_000_000);
		}
		return shortest;
	}

	public List<RecordedRequest> requestsFor(String videoId) {
		return this.requests.stream().filter((request) -> videoId.equals(videoId(request))).toList();
	}

	private MockResponse answer(RecordedRequest request) {
		String videoId = videoId(request);
		MockResponse response = answerFor(request, videoId);
		Duration delay = (videoId != null) ? this.delays.get(videoId) : null;
		return (delay != null) ? response.setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS) : response;
	}

	private MockResponse answerFor(RecordedRequest request, String videoId) {
		String path = request.getRequestUrl().encodedPath();
		if (path.equals("/watch") && request.getMethod().equals("GET") && this.pages.containsKey(videoId)) {
			return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
				.setBody(this.pages.get(videoId));
		}
		if (path.equals("/watch") && request.getMethod().equals("GET")) {
			List<Answer> pages = this.watchPages.getOrDefault(videoId, List.of(Answer.file("youtube.html.static")));
			int call = this.watchCalls.computeIfAbsent(videoId, (id) -> new AtomicInteger()).getAndIncrement();
			return respond(pages.get(Math.min(call, pages.size() - 1)), "text/html; charset=utf-8");
		}
		if ((path.equals("/youtubei/v1/browse") || path.equals("/youtubei/v1/navigation/resolve_url"))
				&& request.getMethod().equals("POST")) {
			Recorded recorded = this.lists.get(listKey(request.getBody().clone().readUtf8()));
			return (recorded != null) ? new MockResponse().setResponseCode(recorded.status())
				.setHeader("Content-Type", "application/json; charset=utf-8")
				.setBody(recorded.body()) : new MockResponse().setResponseCode(400);
		}
		if (path.equals("/youtubei/v1/player") && request.getMethod().equals("POST")
				&& request.getBody().clone().readUtf8().contains("\"clientName\":\"VISIONOS\"")
				&& this.audioPlayers.containsKey(videoId)) {
			return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8")
				.setBody(this.audioPlayers.get(videoId));
		}
		if (path.equals("/videoplayback") && request.getMethod().equals("GET") && this.audio != null) {
			return range(this.audio, request.getHeader("Range")).setHeadersDelay(this.audioDelay.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		if (path.equals("/youtubei/v1/player") && request.getMethod().equals("POST")) {
			MockResponse player = respond(
					this.players.getOrDefault(videoId, Answer.file("youtube.innertube.json.static")),
					"application/json; charset=utf-8");
			Buffer body = player.getBody();
			if (body != null && videoId != null) {
				// caption addresses name the recorded video; make them name the one asked
				// for
				player.setBody(body.readUtf8().replace("timedtext?v=" + VIDEO, "timedtext?v=" + videoId));
			}
			return player;
		}
		if (path.equals("/api/timedtext") && request.getMethod().equals("GET")) {
			return respond(this.timedTexts.getOrDefault(videoId, Answer.file("transcript.xml.static")),
					"text/xml; charset=utf-8");
		}
		return new MockResponse().setResponseCode(404);
	}

	/** A stream's bytes, whole or the range asked for ({@code bytes=a-b}). */
	private static MockResponse range(byte[] bytes, String range) {
		if (range == null || !range.matches("bytes=\\d+-\\d*")) {
			return new MockResponse().setHeader("Content-Type", "audio/mp4").setBody(new Buffer().write(bytes));
		}
		String[] ends = range.substring(6).split("-", -1);
		int from = Integer.parseInt(ends[0]);
		int to = ends[1].isEmpty() ? bytes.length - 1 : Math.min(bytes.length - 1, Integer.parseInt(ends[1]));
		if (from >= bytes.length) {
			return new MockResponse().setResponseCode(416).setHeader("Content-Range", "bytes */" + bytes.length);
		}
		return new MockResponse().setResponseCode(206)
			.setHeader("Content-Type", "audio/mp4")
			.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length)
			.setBody(new Buffer().write(bytes, from, to - from + 1));
	}

	/**
	 * The video a request is about: {@code v=} in the query, or {@code videoId} in a
	 * player request's body.
	 */
	static String videoId(RecordedRequest request) {
		String v = request.getRequestUrl().queryParameter("v");
		if (v != null) {
			return v;
		}
		String body = request.getBody().clone().readUtf8();
		int at = body.indexOf("\"videoId\":\"");
		return (at >= 0) ? body.substring(at + 11, body.indexOf('"', at + 11)) : null;
	}

	private static MockResponse respond(Answer answer, String contentType) {
		MockResponse response = new MockResponse().setResponseCode(answer.status());
		answer.headers().forEach(response::setHeader);
		if (answer.file() != null) {
			response.setHeader("Content-Type", contentType);
			response.setBody(read(answer.file()));
		}
		return response;
	}

	private static Buffer read(String file) {
		try (InputStream in = YouTubeReplay.class.getResourceAsStream("/youtube/jdepoix/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("No recorded response " + file);
			}
			return new Buffer().readFrom(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		LocalServers.stop(this.server);
	}

}
