package io.sightline.summarize.extractive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.sightline.source.Chapter;
import io.sightline.source.Transcript;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.source.upload.UploadText;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryLength;
import io.sightline.summarize.SummaryMarkdown;
import io.sightline.summarize.SummaryRequest;
import io.sightline.support.SpeakerLabels;
import io.sightline.support.Talks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline summaries read as a person reads them (issue 19), over the 1-hour example talk,
 * three more talks it was not tuned on and every QMSum validation meeting: a TL;DR of at
 * most two sentences and 50 words that repeats no key point; key points without cut-off
 * restarts, words said twice or an opening filler; chapters for the talks.
 */
class ReadableSummaryTest {

	/** What no key point may open with. */
	static final Pattern OPENING_FILLER = Pattern
		.compile("(?iu)^(so|and|but|well|okay|ok|yeah|yep|yes|right|alright|oh|anyway|like|now|um|uh|i mean|you know|"
				+ "actually|basically)(?![\\p{L}'’-])");

	/** A word said twice at once, with only space or a comma between. */
	static final Pattern SAID_TWICE = Pattern
		.compile("(?iu)(?<![\\p{L}\\p{N}'’])([\\p{L}\\p{N}'’]+)[\\s,]+\\1(?![\\p{L}\\p{N}'’])");

	/**
	 * The end of a sentence: its mark, then the end or a capital; not an abbreviation
	 * such as "Mr." or "B.C.".
	 */
	static final Pattern SENTENCE_END = Pattern
		.compile("(?<!\\b(?:Mr|Mrs|Ms|Dr|St|\\p{Lu}))[.!?…]+[\"'”’)]*(?:\\s+(?=\\p{Lu})|\\s*$)");

	static SummaryDocument talk;

	/** Talks the summarizer was not tuned on, by their transcripts. */
	static Map<Transcript, SummaryDocument> otherTalks = new LinkedHashMap<>();

	static List<SummaryDocument> meetings = new ArrayList<>();

	/** Each meeting's speaker labels, by its file name (the summary's title). */
	static Map<String, Set<String>> labels = new HashMap<>();

	@BeforeAll
	static void summarize() throws IOException {
		ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
		talk = summarizer.summarize(new SummaryRequest("The myth of the genius programmer", Talks.oneHourTalk(),
				SummaryLength.of("medium").orElseThrow(), null), (fraction, text) -> {
				});
		Talks.otherTalks()
			.forEach((name, transcript) -> otherTalks.put(transcript,
					summarizer.summarize(
							new SummaryRequest(name, transcript, SummaryLength.of("medium").orElseThrow(), null),
							(fraction, text) -> {
							})));
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval/qmsum-val/txt"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".transcript.txt")).sorted().toList()) {
				Transcript transcript = TranscriptParser.parse(UploadFormat.TXT, UploadText.decode(read(file)));
				labels.put(file.getFileName().toString(),
						SpeakerLabels.of(new String(read(file), StandardCharsets.UTF_8)));
				meetings.add(summarizer.summarize(new SummaryRequest(file.getFileName().toString(), transcript,
						SummaryLength.of("short").orElseThrow(), null), (fraction, text) -> {
						}));
			}
		}
		assertThat(meetings).hasSize(35);
	}

	@Test
	void theTldrIsAtMostTwoSentencesOfFiftyWordsAndRepeatsNoKeyPoint() {
		for (SummaryDocument summary : all()) {
			String tldr = summary.tldr();
			assertThat(words(tldr)).as("%s: %s", summary.title(), tldr).isBetween(6, Tldr.MAX_WORDS);
			assertThat(SENTENCE_END.matcher(tldr).results().count()).as("%s: %s", summary.title(), tldr)
				.isBetween(1L, 2L);
			for (String sentence : sentences(tldr)) {
				for (KeyPoint point : summary.keyPoints()) {
					assertThat(normalized(point.text())).as(summary.title())
						.doesNotContain(normalized(sentence))
						.isNotEqualTo(normalized(sentence));
				}
			}
		}
	}

	@Test
	void keyPointsHaveNoCutOffRestartNoWordSaidTwiceAndNoOpeningFiller() {
		for (SummaryDocument summary : all()) {
			for (KeyPoint point : summary.keyPoints()) {
				assertThat(point.text()).as(summary.title())
					.doesNotContain("--")
					.doesNotContainPattern(SAID_TWICE)
					.doesNotContainPattern(OPENING_FILLER);
				assertThat(SpeakerLabels.opensWithOne(point.text(), labels.getOrDefault(summary.title(), Set.of())))
					.as("%s: %s", summary.title(), point.text())
					.isFalse();
			}
		}
	}

	@Test
	void theHourLongTalkHasFourToTwelveTitledChaptersInOrderInsideIt() {
		List<Chapter> chapters = talk.chapters();
		assertChaptersInside(talk, Talks.oneHourTalk());
		otherTalks.forEach((transcript, summary) -> assertChaptersInside(summary, transcript));
		assertThat(talk.markdown()).contains("## Chapters")
			.contains("**[" + SummaryMarkdown.timestamp(chapters.get(1).startSeconds()) + "]** "
					+ chapters.get(1).title());
		assertThat(meetings).as("untimed meetings have no times to put chapters at")
			.allSatisfy((meeting) -> assertThat(meeting.chapters()).isEmpty());
	}

	private static void assertChaptersInside(SummaryDocument summary, Transcript transcript) {
		List<Chapter> chapters = summary.chapters();
		assertThat(chapters).as(summary.title()).hasSizeBetween(4, 12);
		double end = transcript.durationSeconds();
		for (int i = 0; i < chapters.size(); i++) {
			assertThat(chapters.get(i).title()).as(summary.title()).isNotBlank().doesNotStartWith("Part ");
			assertThat(chapters.get(i).startSeconds()).as(summary.title())
				.isBetween(transcript.segments().get(0).startSeconds(), end);
			if (i > 0) {
				assertThat(chapters.get(i).startSeconds()).as(summary.title())
					.isGreaterThan(chapters.get(i - 1).startSeconds());
			}
		}
	}

	private static List<SummaryDocument> all() {
		List<SummaryDocument> all = new ArrayList<>(meetings);
		all.add(talk);
		all.addAll(otherTalks.values());
		return all;
	}

	private static List<String> sentences(String text) {
		return Arrays.stream(SENTENCE_END.split(text)).filter((s) -> words(s) >= 3).toList();
	}

	private static String normalized(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static int words(String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

	private static byte[] read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
