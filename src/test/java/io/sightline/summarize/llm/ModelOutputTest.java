package io.sightline.summarize.llm;

import java.util.List;

import io.sightline.summarize.SummarizerFailure;
import io.sightline.summarize.llm.ModelOutput.Point;
import io.sightline.summarize.llm.ModelOutput.Reading;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Answers as models really give them, asked for JSON or not. */
class ModelOutputTest {

	static Reading read(String answer) {
		return ModelOutput.read(JsonMapper.shared(), answer);
	}

	@Test
	void theJsonAskedForBareFencedOrWithWordsAround() {
		String json = "{\"tldr\": \"Teams beat lone geniuses.\", \"key_points\": [{\"text\": \"Share code early.\","
				+ " \"time\": \"3:25\"}, \"Ask for review.\"]}";
		Reading expected = new Reading("Teams beat lone geniuses.",
				List.of(new Point("Share code early.", 205.0), new Point("Ask for review.", null)));
		assertThat(read(json)).isEqualTo(expected);
		assertThat(read("```json\n" + json + "\n```")).isEqualTo(expected);
		assertThat(read("Sure! Here is the summary you asked for:\n" + json + "\nLet me know if you need more."))
			.isEqualTo(expected);
	}

	@Test
	void markdownWithATldrLineAndBulletsTimedEveryWay() {
		Reading reading = read("""
				## Summary

				**TL;DR:** Teams beat lone geniuses; share your work early.

				Key points:
				- [3:25] Share code early.
				* (12:05) Ask for review.
				• 1:02:03 - Fail fast and cheaply.
				- Lose the ego (at 45:10)
				- No time on this one.
				""");
		assertThat(reading.tldr()).isEqualTo("Teams beat lone geniuses; share your work early.");
		assertThat(reading.points()).containsExactly(new Point("Share code early.", 205.0),
				new Point("Ask for review.", 725.0), new Point("Fail fast and cheaply.", 3723.0),
				new Point("Lose the ego", 2710.0), new Point("No time on this one.", null));
	}

	@Test
	void aNumberedListAndAFirstParagraphInsteadOfATldr() {
		Reading reading = read("""
				The talk argues that nobody is a genius alone.

				1. **Criticism** is a gift (5:00).
				2) 00:10:30 Collaboration starts early.
				""");
		assertThat(reading.tldr()).isEqualTo("The talk argues that nobody is a genius alone.");
		assertThat(reading.points()).containsExactly(new Point("Criticism is a gift", 300.0),
				new Point("Collaboration starts early.", 630.0));
	}

	@Test
	void plainProseIsATldrWithoutPoints() {
		Reading reading = read("The speakers say teams do better than lone geniuses. They ask for early reviews.");
		assertThat(reading.tldr()).startsWith("The speakers say teams");
		assertThat(reading.points()).isEmpty();
		assertThat(LlmSummarizer.sentencesOf(reading.tldr())).extracting(Point::text)
			.containsExactly("The speakers say teams do better than lone geniuses.", "They ask for early reviews.");
	}

	@Test
	void jsonWithoutTheExpectedFieldsIsReadAsText() {
		Reading reading = read("{\"answer\": \"x\"}\n- [1:00] A point after all.");
		assertThat(reading.points()).containsExactly(new Point("A point after all.", 60.0));
	}

	@Test
	void onlyAnAnswerWithNothingUsableIsAFailure() {
		for (String nothing : new String[] { "", "   ", "```\n```", "## \n---" }) {
			assertThatExceptionOfType(SummarizerFailure.class).as(nothing)
				.isThrownBy(() -> read(nothing))
				.satisfies((failure) -> assertThat(failure.code()).isEqualTo("model.unreadable_answer"));
		}
	}

}
