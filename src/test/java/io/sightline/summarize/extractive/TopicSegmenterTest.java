package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sightline.source.Chapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Chapters where the vocabulary shifts: a talk of four topics of five minutes each gets a
 * chapter for each, starting near where its topic starts, named by its own words.
 */
class TopicSegmenterTest {

	private static final String[][] TOPICS = {
			{ "gardens", "tomatoes", "compost", "soil", "watering", "seeds", "harvest", "weeds" },
			{ "engines", "pistons", "gearbox", "fuel", "mechanics", "exhaust", "torque", "clutch" },
			{ "violins", "orchestra", "concerto", "rehearsal", "conductor", "melody", "cellos", "tempo" },
			{ "glaciers", "icebergs", "climate", "melting", "arctic", "ocean", "warming", "snowfall" } };

	private final Tokenizer tokenizer = Tokenizer.forLanguage("en", List.of());

	@Test
	void aTalkOfFourTopicsGetsAChapterForEachNamedByItsWords() {
		List<Sentence> sentences = new ArrayList<>();
		List<List<String[]>> words = new ArrayList<>();
		for (int topic = 0; topic < TOPICS.length; topic++) {
			for (int i = 0; i < 60; i++) {
				String[] vocabulary = TOPICS[topic];
				String text = "People talk about " + vocabulary[i % 8] + " and " + vocabulary[(i * 3 + 1) % 8]
						+ " with " + vocabulary[(i * 5 + 2) % 8] + " every single day of the week.";
				double start = (topic * 60 + i) * 5.0;
				sentences.add(new Sentence(sentences.size(), text, start));
				words.add(this.tokenizer.contentWords(text));
			}
		}

		List<Chapter> chapters = TopicSegmenter.chapters(sentences, words);

		assertThat(chapters).hasSize(4);
		for (int topic = 0; topic < TOPICS.length; topic++) {
			Chapter chapter = chapters.get(topic);
			assertThat(chapter.startSeconds()).as("chapter %d", topic).isCloseTo(topic * 300.0, offset(30.0));
			String title = chapter.title().toLowerCase(Locale.ROOT);
			assertThat(List.of(TOPICS[topic])).anySatisfy((word) -> assertThat(title).contains(word));
		}
	}

	@Test
	void aShortOrUntimedTranscriptHasNone() {
		List<Sentence> untimed = new ArrayList<>();
		List<List<String[]>> words = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			untimed.add(new Sentence(i, "Gardens need compost and water every day.", null));
			words.add(this.tokenizer.contentWords("Gardens need compost and water every day."));
		}
		assertThat(TopicSegmenter.chapters(untimed, words)).isEmpty();
		List<Sentence> brief = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			brief.add(new Sentence(i, "Gardens need compost and water every day.", i * 1.0));
		}
		assertThat(TopicSegmenter.chapters(brief, words)).as("five minutes").isEmpty();
	}

}
