package io.sightline.summarize.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.sightline.model.ChatAnswer;
import io.sightline.source.Transcript;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.Summarizer;
import io.sightline.summarize.SummarizerFailure;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryMarkdown;
import io.sightline.summarize.SummaryProgress;
import io.sightline.summarize.SummaryRequest;
import io.sightline.summarize.TokenUsage;
import io.sightline.summarize.TranscriptNotes;
import io.sightline.summarize.llm.ModelOutput.Point;
import io.sightline.system.Digests;
import io.sightline.system.Words;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;

/**
 * Summarizes any length through a chat model by map-reduce: the transcript is cut at
 * segment boundaries into parts that fit {@code sightline.llm.context-budget}; each part
 * is summarized into notes (up to {@code max-parallel} calls at once, each part's start
 * shown to the user); the notes are reduced into the summary (in rounds, when they are
 * themselves too long). A part the model finds too long is halved and asked again. Times
 * the model gives are kept only where they fall within the transcript.
 */
class LlmSummarizer implements Summarizer, DisposableBean {

	static final double MAP_SHARE = 0.85;

	private static final String POINTS = "{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\":"
			+ " {\"text\": {\"type\": \"string\"}, \"time\": {\"type\": [\"string\", \"null\"]}}, \"required\": [\"text\"]}}";

	/** What a part's notes are asked to look like, as structured output. */
	static final JsonNode MAP_SCHEMA = JsonMapper.shared()
		.readTree("{\"type\": \"object\", \"properties\": {\"points\": " + POINTS + "}, \"required\": [\"points\"]}");

	/** What the summary is asked to look like, as structured output. */
	static final JsonNode REDUCE_SCHEMA = JsonMapper.shared()
		.readTree("{\"type\": \"object\", \"properties\": {\"tldr\": {\"type\": \"string\"}, \"key_points\": " + POINTS
				+ "}, \"required\": [\"tldr\", \"key_points\"]}");

	/**
	 * The words a key point and a TL;DR sentence take, about: what a summary's answer is
	 * measured against.
	 */
	static final int WORDS_PER_POINT = 22;

	static final int WORDS_PER_SENTENCE = 25;

	private static final int MAX_SPLITS = 4;

	private static final Map<String, String> PROMPTS = Map.of("system", Prompts.load("system"), "map",
			Prompts.load("map"), "reduce", Prompts.load("reduce"), "stricter", Prompts.load("stricter"));

	private final ModelCalls calls;

	private final LlmProperties properties;

	private final JsonMapper json;

	private final ExecutorService pool;

	/**
	 * {@code calls} is null when no model is configured; the summarizer is then not
	 * offered.
	 */
	LlmSummarizer(ModelCalls calls, LlmProperties properties, JsonMapper json) {
		this.calls = calls;
		this.json = json;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(Math.max(1, properties.maxParallel()), (runnable) -> {
			Thread thread = new Thread(runnable, "llm-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public String name() {
		return "llm";
	}

	@Override
	public boolean configured() {
		return this.calls != null;
	}

	@Override
	public boolean translates() {
		return true;
	}

	@Override
	public SummaryDocument summarize(SummaryRequest request, SummaryProgress progress) {
		Transcript transcript = request.transcript();
		Cost cost = new Cost();
		List<Chunker.Part> parts = Chunker.split(transcript.segments(), this.properties.contextBudget());
		if (parts.isEmpty()) {
			throw SummarizerFailure.permanent("summarize.no_text",
					"The transcript has no text to summarize; upload a transcript with text.");
		}
		if (parts.size() + 1 > this.properties.maxCalls()) {
			throw tooManyCalls();
		}
		List<String> notes;
		String source;
		if (parts.size() == 1) {
			notes = parts.get(0).lines();
			source = "the lines of a transcript";
		}
		else {
			notes = map(request, parts, progress, cost);
			source = "notes on the " + parts.size() + " parts of a transcript";
			for (int round = 2; tokens(notes) > this.properties.contextBudget(); round++) {
				List<Chunker.Part> groups = Chunker.pack(notes, this.properties.contextBudget());
				progress.milestone(MAP_SHARE,
						"Combining notes, round " + round + " (" + groups.size() + " groups)" + cost.callsSoFar());
				int before = tokens(notes);
				notes = map(request, groups, SummaryProgress.NONE, cost);
				if (tokens(notes) >= before) {
					throw SummarizerFailure.permanent("model.notes_not_shrinking",
							"The model's notes did not get shorter when combined (round " + round
									+ "), so they would never fit one call; raise sightline.llm.context-budget or use the"
									+ " extractive summarizer.");
				}
			}
		}
		// one part is all reduce: its answer owns the whole bar
		double reduceFrom = (parts.size() == 1) ? 0 : MAP_SHARE;
		progress.milestone(reduceFrom, ((parts.size() == 1) ? "Summarizing the transcript"
				: "Combining " + parts.size() + " parts into the summary") + cost.callsSoFar());
		ModelOutput.Reading answer = reduce(request, source, notes, cost, progress, reduceFrom);
		Integer duration = transcript.durationSeconds();
		List<Point> points = answer.points().isEmpty() ? sentencesOf(answer.tldr()) : answer.points();
		List<KeyPoint> keyPoints = points.stream()
			.limit(request.length().keyPoints())
			.map((point) -> new KeyPoint(point.text(), checked(point.seconds(), transcript.isTimed(), duration)))
			.toList();
		if (keyPoints.isEmpty()) {
			throw SummarizerFailure.temporary("model.no_key_points",
					"The model's answer held no key points; Sightline will try again.", null, null);
		}
		String tldr = answer.tldr();
		progress.advanced(1.0, "Summary ready to save");
		return new SummaryDocument(request.title(), tldr.isEmpty() ? keyPoints.get(0).text() : tldr, keyPoints,
				SummaryMarkdown.render(request.title(), tldr, keyPoints, TranscriptNotes.of(transcript)), name(),
				cost.model(), cost.usage());
	}

	/** Notes of every part, in order; each part's start is a milestone the user sees. */
	private List<String> map(SummaryRequest request, List<Chunker.Part> parts, SummaryProgress progress, Cost cost) {
		CompletionService<List<String>> running = new ExecutorCompletionService<>(this.pool);
		List<Future<List<String>>> futures = new ArrayList<>();
		int inFlight = 0;
		int next = 0;
		int done = 0;
		try {
			while (done < parts.size()) {
				while (next < parts.size() && inFlight < Math.max(1, this.properties.maxParallel())) {
					int index = next++;
					progress.milestone(MAP_SHARE * done / parts.size(),
							"Summarizing part " + (index + 1) + " of " + parts.size() + cost.callsSoFar());
					futures.add(running.submit(() -> mapPart(request, parts.get(index), index, parts.size(), 0, cost)));
					inFlight++;
				}
				running.take().get();
				inFlight--;
				done++;
				progress.advanced(MAP_SHARE * done / parts.size(), null);
			}
			List<String> notes = new ArrayList<>();
			for (Future<List<String>> future : futures) {
				notes.addAll(future.get());
			}
			return notes;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SummarizerFailure.temporary("model.interrupted",
					"The summary was interrupted; Sightline will try again.", null, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw SummarizerFailure.temporary("model.call_failed", "A model call failed; Sightline will try again.",
					null, ex.getCause());
		}
		finally {
			futures.forEach((future) -> future.cancel(true));
		}
	}

	private List<String> mapPart(SummaryRequest request, Chunker.Part part, int index, int total, int splits,
			Cost cost) {
		String prompt = fill(PROMPTS.get("map"), request,
				Map.of("part", Integer.toString(index + 1), "parts", Integer.toString(total), "points",
						Integer.toString(request.length().keyPoints()), "text", part.text()));
		// a part's notes depend on nothing but the model and the prompt: kept under both,
		// they
		// are not asked for again by a retry or after a crash (issue 20)
		String key = "map:" + Digests.sha256(this.calls.modelName() + "\n" + PROMPTS.get("system") + "\n" + prompt);
		Optional<String> kept = request.worklog().get(key);
		if (kept.isPresent()) {
			return kept.get().isEmpty() ? List.of() : List.of(kept.get().split("\n"));
		}
		try {
			List<String> notes = new ArrayList<>();
			ModelOutput.Reading reading = askAndRead(prompt, MAP_SCHEMA, cost, null);
			List<Point> points = reading.points().isEmpty() ? List.of(new Point(reading.tldr(), null))
					: reading.points();
			for (Point point : points) {
				notes.add(((point.seconds() != null) ? "[" + SummaryMarkdown.timestamp(point.seconds()) + "] " : "")
						+ point.text().replace('\n', ' '));
			}
			request.worklog().put(key, String.join("\n", notes));
			return notes;
		}
		catch (ModelCalls.ContextTooLong tooLong) {
			List<Chunker.Part> halves = part.halves();
			if (halves.isEmpty() || splits >= MAX_SPLITS) {
				throw SummarizerFailure.permanent("model.context_too_small",
						"The model's context is too small for the transcript even in parts of " + part.tokens()
								+ " tokens; lower sightline.llm.context-budget or use a model with a larger"
								+ " context.");
			}
			List<String> notes = new ArrayList<>();
			for (Chunker.Part half : halves) {
				notes.addAll(mapPart(request, half, index, total, splits + 1, cost));
			}
			return notes;
		}
	}

	/**
	 * The summary from the notes (or, for one part, the transcript's lines). The answer
	 * is streamed, and the bar moves as it grows, against the length a summary of this
	 * size has, so a slow model still shows the work.
	 */
	private ModelOutput.Reading reduce(SummaryRequest request, String source, List<String> notes, Cost cost,
			SummaryProgress progress, double from) {
		String prompt = fill(PROMPTS.get("reduce"), request,
				Map.of("source", source, "tldr", Integer.toString(request.length().tldrSentences()), "points",
						Integer.toString(request.length().keyPoints()), "text", String.join("\n", notes)));
		try {
			int expectedWords = request.length().keyPoints() * WORDS_PER_POINT
					+ request.length().tldrSentences() * WORDS_PER_SENTENCE;
			return askAndRead(prompt, REDUCE_SCHEMA, cost, (text) -> {
				int words = Words.count(text);
				progress.advanced(from + (1 - from) * Math.min(0.95, words / (double) expectedWords),
						"Writing the summary… " + words + " words");
			});
		}
		catch (ModelCalls.ContextTooLong tooLong) {
			throw SummarizerFailure.permanent("model.context_too_small",
					"The model's context is too small for the notes of this transcript; lower"
							+ " sightline.llm.context-budget or use a model with a larger context.");
		}
	}

	/**
	 * Asks the model and reads its answer; an answer with nothing usable in it is asked
	 * for once more with a stricter prompt before it fails (and so counts against the
	 * task's attempts).
	 */
	private ModelOutput.Reading askAndRead(String prompt, JsonNode schema, Cost cost, Consumer<String> onText) {
		cost.reserveCall();
		long started = System.nanoTime();
		ChatAnswer answer = this.calls.ask(PROMPTS.get("system"), prompt, schema, onText);
		cost.add(answer, (System.nanoTime() - started) / 1_000_000);
		try {
			return ModelOutput.read(this.json, answer.text());
		}
		catch (SummarizerFailure unreadable) {
			if (!ModelOutput.UNREADABLE_CODE.equals(unreadable.code())) {
				throw unreadable;
			}
			cost.reserveCall();
			long again0 = System.nanoTime();
			ChatAnswer again = this.calls.ask(PROMPTS.get("system"), prompt + PROMPTS.get("stricter"), schema, null);
			cost.add(again, (System.nanoTime() - again0) / 1_000_000);
			return ModelOutput.read(this.json, again.text());
		}
	}

	/** A summary given as prose only: its sentences are the points, without times. */
	static List<Point> sentencesOf(String prose) {
		return Arrays.stream(prose.split("(?<=[.!?])\\s+"))
			.map(String::strip)
			.filter((sentence) -> !sentence.isEmpty())
			.map((sentence) -> new Point(sentence, null))
			.toList();
	}

	/**
	 * A time the model gave, kept only if the transcript has times and it falls within
	 * them.
	 */
	static Double checked(Double seconds, boolean timed, Integer duration) {
		if (seconds == null || !timed || seconds < 0 || (duration != null && seconds > duration)) {
			return null;
		}
		return seconds;
	}

	private static String fill(String template, SummaryRequest request, Map<String, String> values) {
		String filled = template.replace("{{title}}", request.title()).replace("{{language}}", inLanguage(request));
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		return filled;
	}

	/** The language the summary is to be written in, as the prompts say it. */
	static String inLanguage(SummaryRequest request) {
		if (request.summaryLanguage() != null) {
			String name = Locale.forLanguageTag(request.summaryLanguage()).getDisplayLanguage(Locale.ENGLISH);
			return ", in "
					+ (name.isBlank() ? "the language with code " + request.summaryLanguage()
							: name + " (language code " + request.summaryLanguage() + ")")
					+ ", whatever the transcript's language";
		}
		return (request.language() != null) ? ", in the language with code " + request.language()
				: ", in the transcript's language";
	}

	private static int tokens(List<String> lines) {
		return lines.stream().mapToInt(String::length).sum() / Chunker.CHARS_PER_TOKEN + lines.size();
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

	private SummarizerFailure tooManyCalls() {
		return SummarizerFailure.permanent("model.too_many_calls", "This summary would take more than "
				+ this.properties.maxCalls()
				+ " model calls; raise sightline.llm.context-budget (fewer, larger parts) or sightline.llm.max-calls,"
				+ " or use the extractive summarizer.");
	}

	/** Tokens and calls of one summary, added to from the map threads. */
	private final class Cost {

		private TokenUsage usage = TokenUsage.NONE;

		private int callsReserved;

		/**
		 * Counts a call about to be made; past {@code sightline.llm.max-calls} none is
		 * made.
		 */
		synchronized void reserveCall() {
			if (this.callsReserved >= LlmSummarizer.this.properties.maxCalls()) {
				throw tooManyCalls();
			}
			this.callsReserved++;
		}

		private String model;

		/**
		 * How many calls this summary has made, of the most it may make: {@code " (model
		 * call 3 of at most 200)"}.
		 */
		synchronized String callsSoFar() {
			return " (model call " + (this.callsReserved + 1) + " of at most "
					+ LlmSummarizer.this.properties.maxCalls() + ")";
		}

		synchronized void add(ChatAnswer answer, long millis) {
			this.usage = this.usage.plus(answer.promptTokens(), answer.completionTokens(), millis);
			this.model = answer.model();
		}

		synchronized TokenUsage usage() {
			LlmProperties settings = LlmSummarizer.this.properties;
			return this.usage.priced(settings.promptPrice(), settings.completionPrice(), settings.currency());
		}

		synchronized String model() {
			return (this.model != null) ? this.model : LlmSummarizer.this.calls.modelName();
		}

	}

}
