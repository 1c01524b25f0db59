package io.sightline.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.sightline.summarize.extractive.ExtractiveForBench;
import io.sightline.support.SpeakerLabels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractive summarizer over the QMSum validation set, scored as the quality harness
 * scores it: no key point is filler alone, and the means stay ahead of the lead baseline
 * and of the reference systems' figures recorded in the summaries issue (sumy LSA, the
 * best of them, had 24.2 / 2.7 / 13.3; lead 21.9 / 3.7 / 13.0).
 */
class QualityTest {

	static final Set<String> FILLERS = Set.of("yeah", "yes", "yep", "no", "okay", "ok", "um", "uh", "umm", "uhm", "eh",
			"ehm", "hmm", "hm", "mm", "mhm", "oh", "ah", "right", "so", "well", "alright", "sure", "and", "but", "or",
			"i", "mean", "you", "know", "like", "the", "a", "that", "it", "is", "it's", "that's", "this", "thing",
			"things", "just", "really", "actually", "basically", "kind", "of", "sort", "stuff", "anyway", "exactly",
			"good", "great", "fine", "cool", "nice", "thanks", "thank", "gonna", "to", "be", "do", "we", "what",
			"think", "yeah.", "there", "they", "he", "she", "mm-hmm", "uh-huh", "okay.", "huh", "wow", "hi", "hello",
			"bye");

	private static final Path DIR = Path.of("src/test/resources/eval/qmsum-val/txt");

	static List<QualityHarness.Row> rows;

	@BeforeAll
	static void summarizeTheSet() {
		rows = QualityHarness.run(ExtractiveForBench.create(), DIR, QualityHarness.DEFAULT_BUDGET);
	}

	@Test
	void everyDocumentOfTheSetIsSummarized() {
		assertThat(rows).hasSize(35);
		assertThat(rows).allSatisfy((row) -> assertThat(row.keyPoints()).hasSize(5));
	}

	@Test
	void noKeyPointIsFillerAlone() {
		for (QualityHarness.Row row : rows) {
			Set<String> labels = labels(row.name());
			for (String point : row.keyPoints()) {
				List<String> words = Arrays.stream(point.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+"))
					.filter((word) -> !word.isEmpty())
					.toList();
				assertThat(FILLERS.containsAll(words)).as("%s: '%s' is filler alone", row.name(), point).isFalse();
				assertThat(point).as(row.name()).doesNotContainPattern("\\{\\w+\\}");
				assertThat(SpeakerLabels.opensWithOne(point, labels)).as("%s: %s", row.name(), point).isFalse();
			}
		}
	}

	private static Set<String> labels(String name) {
		try {
			return SpeakerLabels.of(Files.readString(DIR.resolve(name + ".transcript.txt")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theMeansStayAheadOfLeadAndOfTheReferenceSystems() {
		Rouge.Scores mean = QualityHarness.mean(rows.stream().map(QualityHarness.Row::summary).toList());
		Rouge.Scores lead = QualityHarness.mean(rows.stream().map(QualityHarness.Row::lead).toList());
		assertThat(mean.rouge1()).isGreaterThan(lead.rouge1() + 0.03).isGreaterThan(0.29);
		assertThat(mean.rouge2()).isGreaterThan(0.044);
		assertThat(mean.rougeL()).isGreaterThan(0.17);
	}

}
