package io.sightline.summarize.extractive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.source.Segment;
import io.sightline.source.Transcript;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.SummarizerFailure;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryLength;
import io.sightline.summarize.SummaryRequest;
import io.sightline.support.Talks;
import io.sightline.system.Words;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ExtractiveSummarizerTest {

	final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

	@Test
	void anHourLongTalkGivesKeyPointsInTimeOrderWithinTheTalk() {
		Transcript talk = talk();
		List<Double> fractions = new ArrayList<>();
		SummaryDocument document = this.summarizer.summarize(
				new SummaryRequest("The Myth of the Genius Programmer", talk, SummaryLength.MEDIUM, null),
				(fraction, text) -> fractions.add(fraction));

		assertThat(document.keyPoints()).hasSize(SummaryLength.MEDIUM.keyPoints());
		assertThat(document.keyPoints()).extracting(KeyPoint::startSeconds).isSorted();
		assertThat(document.keyPoints()).allSatisfy((point) -> {
			assertThat(point.startSeconds()).isBetween(0.0, (double) talk.durationSeconds());
			assertThat(point.text().split("\\s+").length).isGreaterThanOrEqualTo(ExtractiveSummarizer.MIN_WORDS);
		});
		assertThat(document.tldr()).isNotBlank();
		assertThat(document.markdown()).startsWith("# The Myth of the Genius Programmer")
			.contains("**TL;DR:**")
			.containsPattern("- \\*\\*\\[\\d+:\\d\\d\\]\\*\\* ");
		assertThat(fractions).isSorted().last().isEqualTo(1.0);
	}

	@Test
	void aTranscriptOverTheWordLimitIsCutThereAndTheSummarySaysSo() {
		Transcript talk = talk();
		SummaryDocument document = this.summarizer.summarize(
				new SummaryRequest("Talk", talk.cappedAt(2_000), SummaryLength.SHORT, "en"), (fraction, text) -> {
				});
		assertThat(document.markdown()).containsPattern(
				"The transcript has [0-9,]+ words; only the first 2,000 \\(up to " + "[0-9:]+\\) were summarized");
		double cutAt = talk.segments()
			.stream()
			.mapToDouble(Segment::startSeconds)
			.filter((start) -> start > 0)
			.max()
			.orElseThrow();
		assertThat(document.keyPoints()).allSatisfy((point) -> assertThat(point.startSeconds()).isLessThan(cutAt / 2));
	}

	@Test
	void anUntimedTranscriptOverTheWordLimitIsCutThereToo() {
		List<Segment> untimed = talk().segments()
			.stream()
			.map((segment) -> new Segment(null, null, segment.text()))
			.toList();
		SummaryDocument document = this.summarizer.summarize(new SummaryRequest("Notes",
				new Transcript(untimed, "en", 0).cappedAt(2_000), SummaryLength.SHORT, "en"), (fraction, text) -> {
				});

		assertThat(document.markdown())
			.containsPattern("The transcript has [0-9,]+ words; only the first 2,000 were" + " summarized\\.");
		assertThat(document.keyPoints()).isNotEmpty().allSatisfy((point) -> assertThat(point.startSeconds()).isNull());
	}

	@Test
	void aFileOfOneLongLineOverTheWordLimitIsCutInsideThatLine() {
		String oneLine = String.join(" ", talk().segments().stream().map(Segment::text).toList());
		SummaryDocument document = this.summarizer.summarize(new SummaryRequest("Notes",
				new Transcript(List.of(new Segment(null, null, oneLine)), "en", 0).cappedAt(2_000), SummaryLength.SHORT,
				"en"), (fraction, text) -> {
				});

		assertThat(document.markdown())
			.containsPattern("The transcript has [0-9,]+ words; only the first 2,000 were summarized\\.");
		assertThat(document.keyPoints()).isNotEmpty();
	}

	@Test
	void wordsAreCountedAndCutAtWhiteSpace() {
		assertThat(Words.count("  one two\tthree\n four ")).isEqualTo(4);
		assertThat(Words.count("")).isZero();
		assertThat(Words.first("one two  three four", 2)).isEqualTo("one two");
		assertThat(Words.first("one two", 5)).isEqualTo("one two");
	}

	@Test
	void longRunsOfOneCharacterAreSummarizedOrRefusedInLinearTime() {
		List<String> texts = List.of("hello world. " + "[".repeat(200_000), "‹".repeat(100_000), "-- ".repeat(50_000),
				"the the ".repeat(50_000), "a".repeat(1_000_000), "uh, ".repeat(50_000), "(".repeat(100_000),
				"so ".repeat(50_000) + "we start.", "So, yeah, ".repeat(30_000) + "we start.");
		for (String text : texts) {
			Transcript transcript = new Transcript(List.of(new Segment(0.0, 4.0, text)), "en", 0);
			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
				try {
					this.summarizer.summarize(new SummaryRequest("Odd", transcript, SummaryLength.SHORT, "en"),
							(fraction, stage) -> {
							});
				}
				catch (SummarizerFailure refused) {
					assertThat(refused.getMessage()).endsWith(".");
				}
			});
		}
	}

	@Test
	void itRanksRatherThanTakingTheFirstSentences() {
		Transcript talk = talk();
		SummaryDocument document = this.summarizer
			.summarize(new SummaryRequest("Talk", talk, SummaryLength.SHORT, "en"), (fraction, text) -> {
			});
		double lastStart = talk.segments().get(talk.segments().size() - 1).startSeconds();
		assertThat(document.keyPoints()).extracting(KeyPoint::startSeconds)
			.anySatisfy((start) -> assertThat(start).isGreaterThan(lastStart / 2));
	}

	@Test
	void keyPointsDoNotRepeatEachOther() {
		List<Segment> segments = new ArrayList<>();
		String[] lines = { "Databases keep durable state that survives any crash of the server process.",
				"Databases keep durable state that survives any crash of the server process.",
				"Databases keep durable state that survives every crash of the server process.",
				"Retries with exponential backoff protect services that are overloaded already.",
				"Progress bars must never move backwards or users stop trusting the numbers shown.",
				"Idempotent operations make retries safe because repeating them changes nothing." };
		for (int i = 0; i < lines.length; i++) {
			segments.add(new Segment(i * 5.0, 4.0, lines[i]));
		}
		SummaryDocument document = this.summarizer.summarize(
				new SummaryRequest("t", new Transcript(segments, "en", 0), SummaryLength.SHORT, "en"), (f, t) -> {
				});
		// each statement said once: in the TL;DR, or in a key point
		for (String statement : List.of("Databases", "Retries", "Progress", "Idempotent")) {
			long said = document.keyPoints().stream().filter((p) -> p.text().startsWith(statement)).count()
					+ (document.tldr().contains(statement) ? 1 : 0);
			assertThat(said).as(statement).isEqualTo(1);
		}
	}

	@Test
	void fillersAnnotationsAndSpeakerLabelsAreRemoved() {
		assertThat(TranscriptCleaner
			.clean("Fitzpatrick: Um, so the the code is {vocalsound} [laughter] really, uh, good.", "en"))
			.isEqualTo("so the code is really, good.");
	}

	@Test
	void unpunctuatedCaptionsAreSplitAtPauses() {
		List<Segment> segments = List.of(new Segment(0.0, 2.0, "so today we are going to talk about"),
				new Segment(2.0, 2.0, "how caching works in large systems"), new Segment(7.0, 2.0, "the first idea is"),
				new Segment(9.0, 2.0, "to keep hot data close to the reader"));
		List<Sentence> sentences = SentenceSplitter.split(segments, "en");
		assertThat(sentences).extracting(Sentence::text)
			.containsExactly("today we are going to talk about how caching works in large systems",
					"the first idea is to keep hot data close to the reader");
		assertThat(sentences).extracting(Sentence::startSeconds).containsExactly(0.0, 7.0);
	}

	@Test
	void meetingTurnsLoseTheirLabelsDisfluenciesAndOpeningMarkers() {
		assertThat(
				TranscriptCleaner.clean("Professor E: So . OK . Doesn't look like it crashed . That 's great .", "en"))
			.isEqualTo("So. OK. Doesn't look like it crashed. That's great.");
		assertThat(TranscriptCleaner.clean("The Acting Chair (Mr. Bruce Stanton): Order , please .", null))
			.isEqualTo("Order, please.");
		assertThat(TranscriptCleaner.clean("PhD A: it 's eh the the {disfmarker} w I was nnn looking at it", "en"))
			.isEqualTo("it's the I was looking at it");
		assertThat(TranscriptCleaner.trimLeadingMarkers("Yeah, so, I mean we should ship it.", "en"))
			.isEqualTo("we should ship it.");
		assertThat(TranscriptCleaner.trimLeadingMarkers("Also, wir sollten das machen.", "de"))
			.isEqualTo("Also, wir sollten das machen.");
		assertThat(ExtractiveSummarizer.plainness("The remote control will use a rubber case and a kinetic battery.",
				"en"))
			.isEqualTo(1.0);
		assertThat(ExtractiveSummarizer.plainness("Yeah I think we could, you know, do that", "en"))
			.isLessThan(ExtractiveSummarizer.plainness("The budget allows twelve euros per unit, we think", "en"));
		assertThat(ExtractiveSummarizer.plainness("Ja, ich glaube, wir könnten das, äh, machen", "de"))
			.isLessThan(ExtractiveSummarizer.plainness("Das Budget erlaubt zwölf Euro pro Stück", "de"));
		assertThat(ExtractiveSummarizer.plainness("Bueno, yo creo que vale, lo podemos hacer", "es"))
			.isLessThan(ExtractiveSummarizer.plainness("El presupuesto permite doce euros por unidad", "es"));
		assertThat(ExtractiveSummarizer.plainness("Ouais, je pense qu'on peut, euh, le faire", "fr"))
			.isLessThan(ExtractiveSummarizer.plainness("Le budget permet douze euros par pièce", "fr"));
	}

	@Test
	void aSentenceThatDescribesRanksAboveOneThatTalksAroundItsSubject() {
		assertThat(ExtractiveSummarizer.articleShare("The remote has a menu button on the side of the case.", "en"))
			.isEqualTo(4 / 12.0);
		assertThat(ExtractiveSummarizer
			.articleShare("Die Gruppe wählt eine Batterie für das Gehäuse der Fernbedienung.", "de"))
			.isEqualTo(4 / 10.0);
		assertThat(ExtractiveSummarizer
			.articleShare("El grupo elige una batería para la carcasa del mando a distancia.", "es"))
			.isEqualTo(4 / 12.0);
		assertThat(
				ExtractiveSummarizer.articleShare("Le groupe choisit une pile pour l'étui de la télécommande.", "fr"))
			.as("l'étui is one word with its article")
			.isEqualTo(4 / 10.0);
		assertThat(ExtractiveSummarizer.articleShare("The system, not the pharmacy.", "en"))
			.as("a fragment counts as a sentence of ten words")
			.isEqualTo(2 / 10.0);
		assertThat(ExtractiveSummarizer.articleShare("Then we could do that anyway.", "en")).isZero();
		Tokenizer english = Tokenizer.forLanguage("en", List.of());
		String describes = "The remote has a menu button and a rubber case in the company colours.";
		String talksAround = "Yeah so we could maybe do that with the menu thing and case colours too.";
		assertThat(ExtractiveSummarizer.prior(english.contentTokens(describes), describes, english))
			.isGreaterThan(ExtractiveSummarizer.prior(english.contentTokens(talksAround), talksAround, english));
	}

	@Test
	void nonEnglishTextIsTokenizedWithItsStopWords() {
		assertThat(Tokenizer.detect(List.of("Der Hund und die Katze sind nicht im Haus, aber der Garten ist groß.")))
			.isEqualTo("de");
		assertThat(Tokenizer.detect(List.of("El perro y el gato no están en la casa, pero el jardín es grande.")))
			.isEqualTo("es");
		assertThat(Tokenizer.forLanguage("fr", List.of()).contentTokens("Les données sont très importantes pour nous"))
			.containsExactly("donnée", "importante");
		assertThat(Tokenizer.forLanguage("ja", List.of("東京の天気は晴れです")).contentTokens("東京の天気は晴れです")).isNotEmpty();
	}

	@Test
	void aTranscriptWithoutSentencesFailsWithASentence() {
		Transcript tiny = new Transcript(List.of(new Segment(0.0, 1.0, "Yeah."), new Segment(1.0, 1.0, "Okay.")), "en",
				0);
		assertThatThrownBy(
				() -> this.summarizer.summarize(new SummaryRequest("t", tiny, SummaryLength.SHORT, "en"), (f, t) -> {
				}))
			.isInstanceOf(SummarizerFailure.class)
			.hasMessageContaining("no full sentences");
	}

	static Transcript talk() {
		return Talks.oneHourTalk();
	}

}
