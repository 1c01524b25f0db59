package io.sightline.summarize.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.sightline.model.OpenAiSettings;
import io.sightline.source.Segment;
import io.sightline.source.Transcript;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.SummarizerFailure;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryLength;
import io.sightline.summarize.SummaryProgress;
import io.sightline.summarize.SummaryRequest;
import io.sightline.support.ChatStub;
import io.sightline.support.Talks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;

/**
 * Map-reduce against a local OpenAI-compatible stub, through Sightline's chat endpoint
 * client.
 */
class LlmSummarizerTest {

	private final ChatStub stub = new ChatStub();

	private final List<String> milestones = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.stub.close();
	}

	private LlmSummarizer summarizer(int budget, int attempts) {
		return summarizer(budget, attempts, 200);
	}

	private LlmSummarizer summarizer(int budget, int attempts, int maxCalls) {
		OpenAiSettings settings = new OpenAiSettings(this.stub.baseUrl(), "test-key",
				new OpenAiSettings.Chat(new OpenAiSettings.Options("stub-model", null)));
		LlmProperties properties = new LlmProperties(budget, 3, 512, Duration.ofSeconds(20), attempts,
				Duration.ofSeconds(5), maxCalls, 0.15, 0.60, "USD");
		return new LlmConfiguration().llmSummarizer(settings, properties, JsonMapper.builder().build(),
				Clock.systemUTC());
	}

	private final SummaryProgress progress = new SummaryProgress() {

		@Override
		public void advanced(double fraction, String text) {
		}

		@Override
		public void milestone(double fraction, String text) {
			LlmSummarizerTest.this.milestones.add(text);
		}

	};

	/** Three hours of talk: a cue every 5 seconds. */
	static Transcript threeHours() {
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < 3 * 3600 / 5; i++) {
			segments.add(new Segment(i * 5.0, 5.0, "sentence number " + i
					+ " of the long talk about caching, queues and the way systems fail under load"));
		}
		return new Transcript(segments, "en", 0);
	}

	private SummaryDocument summarize(LlmSummarizer summarizer, Transcript transcript) {
		return summarizer.summarize(
				new SummaryRequest("A long talk", transcript, SummaryLength.of("medium").orElseThrow(), null),
				this.progress);
	}

	@Test
	void aThreeHourTranscriptBecomesOneMapCallPerPartAndOneReduce() {
		Transcript transcript = threeHours();
		int parts = Chunker.split(transcript.segments(), 6000).size();
		assertThat(parts).isGreaterThan(5);

		SummaryDocument summary = summarize(summarizer(6000, 3), transcript);

		List<String> prompts = this.stub.answeredPrompts();
		assertThat(prompts).hasSize(parts + 1);
		assertThat(prompts.stream().filter((p) -> p.contains("This is part "))).hasSize(parts);
		assertThat(prompts.stream().filter((p) -> p.contains("Write the summary of the whole"))).hasSize(1);
		for (int part = 1; part <= parts; part++) {
			String partStage = "Summarizing part " + part + " of " + parts + " \\(model call \\d+ of at most \\d+\\)";
			assertThat(this.milestones).anySatisfy((stage) -> assertThat(stage).matches(partStage));
		}
		assertThat(this.milestones).last()
			.asString()
			.startsWith("Combining " + parts + " parts into the summary (model call " + (parts + 1) + " of at most ");

		assertThat(summary.summarizer()).isEqualTo("llm");
		assertThat(summary.model()).isEqualTo(ChatStub.MODEL);
		assertThat(summary.tldr()).isEqualTo("A stubbed summary of the whole.");
		assertThat(summary.usage().calls()).isEqualTo(parts + 1);
		assertThat(summary.usage().promptTokens()).isGreaterThan(parts * 1000);
		assertThat(summary.usage().modelMillis()).isNotNegative();
		assertThat(summary.usage().currency()).isEqualTo("USD");
		assertThat(summary.usage().cost()).as("at 0.15 and 0.60 per million tokens")
			.isCloseTo((summary.usage().promptTokens() * 0.15 + summary.usage().completionTokens() * 0.60) / 1e6,
					offset(1e-12));
		assertThat(summary.keyPoints()).extracting(KeyPoint::text)
			.contains("Key point 1.", ChatStub.OUT_OF_RANGE_POINT);
		assertThat(summary.keyPoints()).filteredOn((point) -> point.text().equals(ChatStub.OUT_OF_RANGE_POINT))
			.singleElement()
			.satisfies((point) -> assertThat(point.startSeconds()).isNull());
		assertThat(summary.keyPoints()).filteredOn((point) -> point.text().startsWith("Key point"))
			.allSatisfy((point) -> assertThat(point.startSeconds()).isBetween(0.0, 3 * 3600.0));
		assertThat(summary.markdown()).contains("## Key points").contains("**[0:00]** Key point 1.");
	}

	@Test
	void aSummaryThatWouldTakeMoreCallsThanAllowedEndsWithASentenceBeforeAnyCall() {
		SummarizerFailure failure = catchThrowableOfType(SummarizerFailure.class,
				() -> summarize(summarizer(50, 3), threeHours()));

		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.getMessage()).startsWith("This summary would take more than 200 model calls;")
			.contains("sightline.llm.context-budget");
		assertThat(this.stub.requestCount()).isZero();
	}

	@Test
	void theOneHourTalkOnATinyContextBudgetEndsWithASentenceWithinTheCallCap() {
		// a budget of 50 tokens a call: the talk would need more calls than the cap
		Throwable outcome = catchThrowableOfType(SummarizerFailure.class,
				() -> summarize(summarizer(50, 3, 200), Talks.oneHourTalk()));

		assertThat(outcome).as("the talk cannot be summarized in 200 calls of 50 tokens").isNotNull();
		assertThat(outcome.getMessage()).startsWith("This summary would take more than 200 model calls;")
			.contains("sightline.llm.context-budget");
		assertThat(this.stub.requestCount()).isLessThanOrEqualTo(200);
	}

	@Test
	void combiningRoundsEndWithinTheCallCapWhateverTheBudget() {
		for (int budget : new int[] { 10, 50, 400 }) {
			int before = this.stub.requestCount();
			Throwable outcome = catchThrowableOfType(SummarizerFailure.class,
					() -> summarize(summarizer(budget, 3, 1_000), tenMinutes()));
			if (outcome != null) {
				assertThat(outcome.getMessage()).as("budget %d", budget).endsWith(".");
			}
			int parts = Chunker.split(tenMinutes().segments(), budget).size();
			assertThat(this.stub.requestCount() - before).as("budget %d", budget).isLessThanOrEqualTo(parts * 3);
		}
	}

	/** Ten minutes of talk: a cue every 5 seconds. */
	static Transcript tenMinutes() {
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < 600 / 5; i++) {
			segments
				.add(new Segment(i * 5.0, 5.0, "sentence number " + i + " of a short talk about caches and queues"));
		}
		return new Transcript(segments, "en", 0);
	}

	@Test
	void aRateLimitWithRetryAfterIsWaitedOutAndTheCallMadeAgain() {
		this.stub.failNext(429, "1");
		Transcript shortTalk = new Transcript(List.of(new Segment(0.0, 4.0, "Caching keeps hot data close."),
				new Segment(4.0, 4.0, "Queues absorb bursts of load.")), "en", 0);
		long started = System.nanoTime();
		SummaryDocument summary = summarize(summarizer(6000, 3), shortTalk);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(this.stub.requestCount()).isEqualTo(2);
		assertThat(summary.usage().calls()).isEqualTo(1);
		assertThat(this.milestones).singleElement()
			.asString()
			.startsWith("Summarizing the transcript (model call 1 of at most ");
	}

	@Test
	void aContextLengthRefusalSplitsThePartSmallerAndTriesAgain() {
		Transcript transcript = threeHours();
		int parts = Chunker.split(transcript.segments(), 6000).size();
		this.stub.contextLimit(15_000);

		SummaryDocument summary = summarize(summarizer(6000, 3), transcript);

		long mapCalls = this.stub.answeredPrompts().stream().filter((p) -> p.contains("This is part ")).count();
		assertThat(mapCalls).as("parts refused as too long were asked again in halves").isGreaterThan(parts);
		assertThat(this.stub.requestCount()).isGreaterThan(this.stub.answeredPrompts().size());
		assertThat(this.stub.answeredPrompts())
			.allSatisfy((prompt) -> assertThat(prompt.length()).isLessThanOrEqualTo(15_000));
		assertThat(summary.keyPoints()).isNotEmpty();
	}

	@Test
	void serverErrorsThatPersistBecomeATransientFailureForTheTasksRetry() {
		for (int i = 0; i < 3; i++) {
			this.stub.failNext(503, null);
		}
		Transcript shortTalk = new Transcript(List.of(new Segment(0.0, 4.0, "Caching keeps hot data close.")), "en", 0);
		SummarizerFailure failure = catchThrowableOfType(SummarizerFailure.class,
				() -> summarize(summarizer(6000, 3), shortTalk));
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).isEqualTo("The model endpoint answered 503; Sightline will try again.");
		assertThat(this.stub.requestCount()).isEqualTo(3);
	}

	@Test
	void timesOutsideTheTranscriptAreDropped() {
		assertThat(LlmSummarizer.checked(12.0, true, 100)).isEqualTo(12.0);
		assertThat(LlmSummarizer.checked(101.0, true, 100)).isNull();
		assertThat(LlmSummarizer.checked(-1.0, true, 100)).isNull();
		assertThat(LlmSummarizer.checked(12.0, false, null)).isNull();
		assertThat(Chunker.seconds("1:02:03")).isEqualTo(3723.0);
		assertThat(Chunker.seconds("[12:05]")).isEqualTo(725.0);
		assertThat(Chunker.seconds("soon")).isNull();
	}

}
