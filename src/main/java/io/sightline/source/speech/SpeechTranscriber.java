package io.sightline.source.speech;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.sightline.model.ModelCallException;
import io.sightline.model.SpeechSettings;
import io.sightline.model.SpeechText;
import io.sightline.model.TranscriptionEndpoint;
import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceProgress;
import io.sightline.system.Worklog;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording as timed text: converted to small speech audio, cut into parts at silences
 * near each part's length (else at the length), the parts transcribed (a few at once) and
 * their times offset by where each part starts, so the transcript's times are the
 * recording's. Each finished part is kept in the task's worklog: a retry, or a run on
 * another node, transcribes only the parts not done. A cancel (a progress report that
 * throws) stops ffmpeg and the open calls at once.
 */
final class SpeechTranscriber {

	private static final String OGG = "audio/ogg";

	/** Progress shares: converting, then finding silences, then the parts. */
	private static final double CONVERTED = 0.15;

	private static final double PLANNED = 0.2;

	/**
	 * A part shorter than this is not split further when an endpoint says it is too
	 * large.
	 */
	private static final double SHORTEST_PART = 30;

	private final Ffmpeg ffmpeg;

	private final TranscriptionEndpoint endpoint;

	private final SpeechSettings settings;

	private final JsonMapper json;

	SpeechTranscriber(Ffmpeg ffmpeg, TranscriptionEndpoint endpoint, SpeechSettings settings, JsonMapper json) {
		this.ffmpeg = ffmpeg;
		this.endpoint = endpoint;
		this.settings = settings;
		this.json = json;
	}

	/** A stretch of the recording, in seconds. */
	record Part(double start, double end) {

		double length() {
			return this.end - this.start;
		}

		String key(String model) {
			return String.format(Locale.ROOT, "asr:%s:%.3f-%.3f", model, this.start, this.end);
		}

	}

	List<Segment> transcribe(Path recording, Path work, SourceProgress progress, Worklog worklog) {
		double seconds = this.ffmpeg.audioSeconds(recording, () -> progress.advanced(0, null));
		Speech.checkLength(seconds, this.settings);
		Path speech = work.resolve("speech.ogg");
		progress.advanced(0, "Converting audio...");
		this.ffmpeg.toSpeech(recording, speech, (done) -> progress.advanced(CONVERTED * Math.min(1, done / seconds),
				String.format(Locale.ROOT, "Converting audio %d %%", Math.round(100 * Math.min(1, done / seconds)))));
		double partLength = partLength();
		List<Double> silences = (seconds > partLength)
				? this.ffmpeg.silences(speech, () -> progress.advanced(CONVERTED, "Finding pauses to cut at..."))
				: List.of();
		List<Part> parts = plan(seconds, partLength, silences);
		List<List<Segment>> texts = transcribeParts(speech, work, parts, progress, worklog);
		List<Segment> segments = new ArrayList<>();
		texts.forEach(segments::addAll);
		if (segments.isEmpty()) {
			throw SourceFailure.permanent("asr.no_speech",
					"No speech was heard in the recording; upload one with speech in it, or its transcript.");
		}
		return segments;
	}

	/**
	 * The longest part: the setting, and short enough that its audio stays under the
	 * part-size limit (with room to spare).
	 */
	private double partLength() {
		double fitting = 0.9 * this.settings.maxPartSize().toBytes() * 8.0 / Ffmpeg.SPEECH_BITS_PER_SECOND;
		return Math.max(SHORTEST_PART, Math.min(this.settings.partLength().toSeconds(), fitting));
	}

	/**
	 * Cuts {@code seconds} of audio into parts of at most {@code length}: each ends at
	 * the silence nearest its end within its last quarter, else at its length.
	 */
	static List<Part> plan(double seconds, double length, List<Double> silences) {
		List<Part> parts = new ArrayList<>();
		double start = 0;
		while (seconds - start > 0.5) {
			double end = start + length;
			if (end >= seconds) {
				parts.add(new Part(start, seconds));
				break;
			}
			double earliest = start + 0.75 * length;
			double target = end;
			double cut = silences.stream()
				.filter((silence) -> silence >= earliest && silence <= target)
				.max(Double::compare)
				.orElse(end);
			parts.add(new Part(start, cut));
			start = cut;
		}
		return parts;
	}

	/**
	 * Transcribes the parts a few at once. Each part's start is announced as a step, in
	 * order, from this thread (the pool's threads only post that one more started; the
	 * pool takes parts in order, so the k-th start is part k): parts that finish together
	 * would otherwise leave later parts unsaid. Between steps the bar is ticked twice a
	 * second; a tick or a step may throw to stop everything.
	 */
	private List<List<Segment>> transcribeParts(Path speech, Path work, List<Part> parts, SourceProgress progress,
			Worklog worklog) {
		Set<Runnable> calls = ConcurrentHashMap.newKeySet();
		BlockingQueue<Boolean> started = new LinkedBlockingQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, this.settings.maxParallel()), (runnable) -> {
			Thread thread = new Thread(runnable, "sightline-speech");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<List<Segment>>> pending = new ArrayList<>();
			for (int i = 0; i < parts.size(); i++) {
				int index = i;
				pending.add(pool.submit(() -> {
					started.add(Boolean.TRUE);
					return part(speech, work, parts.get(index), worklog, calls);
				}));
			}
			int announced = 0;
			while (true) {
				boolean oneMore = nextStart(started);
				int done = finished(pending);
				double fraction = PLANNED + (1 - PLANNED) * done / parts.size();
				if (oneMore) {
					announced++;
					progress.milestone(fraction, "Transcribing part " + announced + " of " + parts.size() + "...");
				}
				else {
					progress.advanced(fraction, null);
				}
				if (done == parts.size() && started.isEmpty()) {
					break;
				}
			}
			List<List<Segment>> texts = new ArrayList<>();
			for (Future<List<Segment>> part : pending) {
				texts.add(result(part));
			}
			return texts;
		}
		finally {
			calls.forEach(Runnable::run);
			pool.shutdownNow();
		}
	}

	/** Whether one more part started, waiting half a second at most. */
	private static boolean nextStart(BlockingQueue<Boolean> started) {
		try {
			return started.poll(500, TimeUnit.MILLISECONDS) != null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while transcribing", ex);
		}
	}

	/** How many parts are done; the first failure of one is thrown as it is. */
	private static int finished(List<Future<List<Segment>>> pending) {
		int done = 0;
		for (Future<List<Segment>> part : pending) {
			if (part.isDone()) {
				result(part);
				done++;
			}
		}
		return done;
	}

	/** A done part's segments, or its failure thrown as it is. */
	private static List<Segment> result(Future<List<Segment>> part) {
		try {
			return part.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while transcribing", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * One part's segments, from the worklog if it was done before, with recording times.
	 */
	private List<Segment> part(Path speech, Path work, Part part, Worklog worklog, Set<Runnable> calls) {
		String key = part.key(this.endpoint.model());
		Optional<String> done = worklog.get(key);
		if (done.isPresent()) {
			return this.json.readValue(done.get(), new TypeReference<List<Segment>>() {
			});
		}
		Path audio = work.resolve(String.format(Locale.ROOT, "part-%.3f.ogg", part.start()));
		this.ffmpeg.cut(speech, part.start(), part.length(), audio, null);
		List<Segment> segments;
		try {
			segments = placed(this.endpoint.transcribe(audio, OGG, calls::add), part);
		}
		catch (ModelCallException refused) {
			if (refused.status() == 413 && part.length() >= 2 * SHORTEST_PART) {
				double middle = part.start() + part.length() / 2;
				segments = new ArrayList<>(part(speech, work, new Part(part.start(), middle), worklog, calls));
				segments.addAll(part(speech, work, new Part(middle, part.end()), worklog, calls));
			}
			else {
				throw failure(refused);
			}
		}
		finally {
			MediaFiles.deleteQuietly(audio);
		}
		worklog.put(key, this.json.writeValueAsString(segments));
		return segments;
	}

	/**
	 * The engine's pieces at the recording's times (one segment for the part when
	 * untimed).
	 */
	private static List<Segment> placed(SpeechText text, Part part) {
		List<Segment> segments = new ArrayList<>();
		for (SpeechText.Piece piece : text.segments()) {
			if (piece.start() == null) {
				segments.add(new Segment(part.start(), part.length(), piece.text()));
				continue;
			}
			double start = part.start() + Math.max(0, Math.min(piece.start(), part.length()));
			double end = (piece.end() != null) ? part.start() + Math.min(piece.end(), part.length()) : start;
			segments.add(new Segment(start, Math.max(0, end - start), piece.text()));
		}
		return segments;
	}

	private static SourceFailure failure(ModelCallException refused) {
		int status = refused.status();
		if (status == 0) {
			return SourceFailure.temporary("asr.unavailable", "The transcription service did not answer ("
					+ refused.getMessage() + "); Sightline will try again.", null, refused);
		}
		if (status == 429) {
			return SourceFailure.temporary("asr.rate_limited",
					"The transcription service asked to slow down (HTTP 429); Sightline will try again.",
					refused.retryAfter(), refused);
		}
		if (status >= 500 || status == 408) {
			return SourceFailure.temporary("asr.server_error",
					"The transcription service failed (HTTP " + status + "); Sightline will try again.",
					refused.retryAfter(), refused);
		}
		if (status == 401 || status == 403) {
			return SourceFailure.permanent("asr.refused",
					"The transcription service refused the key (HTTP " + status + "); check sightline.asr.api-key.");
		}
		return SourceFailure.permanent("asr.refused",
				"The transcription service refused the audio (HTTP " + status
						+ (refused.body().isBlank() ? "" : ": " + abbreviated(refused.body()))
						+ "); check sightline.asr.model, or upload the transcript instead.");
	}

	private static String abbreviated(String body) {
		String line = body.strip().replaceAll("\\s+", " ");
		return (line.length() > 160) ? line.substring(0, 160) + "…" : line;
	}

}
