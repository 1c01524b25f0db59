package io.sightline.source.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.sightline.source.SourceFailure;
import io.sightline.source.Transcript;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TranscriptParserTest {

	/**
	 * Far above what a linear pass needs (milliseconds), far below what a quadratic one
	 * took (11–77 s).
	 */
	private static final Duration LINEAR = Duration.ofSeconds(5);

	@Test
	void longRunsOfMarkupCharactersAreReadInLinearTime() {
		String cue = "1\n00:00:01,000 --> 00:00:04,000\n";
		List<Runnable> inputs = List.of(
				() -> TranscriptParser.parse(UploadFormat.MD, "hello world. " + "[".repeat(200_000)),
				() -> TranscriptParser.parse(UploadFormat.MD, "hello world. " + "[](".repeat(20_000)),
				() -> TranscriptParser.parse(UploadFormat.MD, "hello world. " + "![x](".repeat(20_000)),
				() -> TranscriptParser.parse(UploadFormat.MD, "hello world. " + "[a]".repeat(50_000)),
				() -> TranscriptParser.parse(UploadFormat.SRT, cue + "<".repeat(100_000) + "\n"),
				() -> TranscriptParser.parse(UploadFormat.SRT, cue + "‹".repeat(100_000) + "\n"),
				() -> TranscriptParser.parse(UploadFormat.SRT, cue + "{\\".repeat(50_000) + "\n"),
				() -> TranscriptParser.parse(UploadFormat.VTT,
						"WEBVTT\n\n00:01.000 --> 00:04.000\n" + "<b".repeat(50_000)));
		for (Runnable input : inputs) {
			assertTimeoutPreemptively(LINEAR, input::run);
		}
	}

	@Test
	void markdownLinksKeepTheirTextAndCueTagsGo() {
		assertThat(text(UploadFormat.MD, "See [the docs](https://x.test/a) and ![a chart](c.png) now.\n"))
			.isEqualTo("See the docs and a chart now.");
		assertThat(text(UploadFormat.MD, "A [note] (not a link), [unclosed and a) b.\n"))
			.isEqualTo("A [note] (not a link), [unclosed and a) b.");
		assertThat(text(UploadFormat.MD, "[[nested](u)] and [](empty) end.\n")).isEqualTo("[nested] and  end.");
		String cue = "1\n00:00:01,000 --> 00:00:04,000\n";
		assertThat(text(UploadFormat.SRT, cue + "<i>Hello</i> {\\an8}there <font color=\"red\">you</font>\n"))
			.isEqualTo("Hello there you");
		assertThat(text(UploadFormat.SRT, cue + "1 < 2 and 3 > 2, {not a tag} <b\n")).isEqualTo("1  2, {not a tag} <b");
	}

	private static String text(UploadFormat format, String content) {
		return TranscriptParser.parse(format, content).segments().get(0).text();
	}

	@Test
	void readsAnHourLongTalkAsTimedSegments() throws IOException {
		Transcript srt = parse(UploadFormat.SRT, "/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.srt");
		assertThat(srt.segments()).hasSizeGreaterThan(1500);
		assertThat(srt.skippedCues()).isZero();
		assertThat(srt.durationSeconds()).isBetween(3000, 3400);
		assertThat(srt.segments().get(0).startSeconds()).isLessThan(30);
	}

	@Test
	void webVttOfTheSameTalkGivesTheSameSegments() throws IOException {
		Transcript srt = parse(UploadFormat.SRT, "/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.srt");
		Transcript vtt = parse(UploadFormat.VTT, "/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.derived.vtt");
		assertThat(vtt.segments()).isEqualTo(srt.segments());
	}

	@Test
	void crlfAndBomAndUtf8AreRead() throws IOException {
		Transcript english = parse(UploadFormat.SRT, "/subtitles/TOS-en.srt");
		Transcript spanish = parse(UploadFormat.SRT, "/subtitles/TOS-es.srt");
		assertThat(english.segments()).hasSize(spanish.segments().size());
		byte[] withBom = ("\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n¿Qué tal, señor?\r\n")
			.getBytes(StandardCharsets.UTF_8);
		Transcript bom = TranscriptParser.parse(UploadFormat.SRT, UploadText.decode(withBom));
		assertThat(bom.segments()).singleElement().satisfies((segment) -> {
			assertThat(segment.text()).isEqualTo("¿Qué tal, señor?");
			assertThat(segment.startSeconds()).isEqualTo(1.0);
			assertThat(segment.durationSeconds()).isEqualTo(1.5);
		});
	}

	@Test
	void utf16FilesAsWindowsSavesThemAreRead() {
		String srt = "1\r\n00:00:01,000 --> 00:00:02,500\r\n¿Qué tal, señor?\r\n";
		for (byte[] bytes : List.of(("\uFEFF" + srt).getBytes(StandardCharsets.UTF_16LE),
				("\uFEFF" + srt).getBytes(StandardCharsets.UTF_16BE), srt.getBytes(StandardCharsets.UTF_16LE))) {
			Transcript read = TranscriptParser.parse(UploadFormat.SRT, UploadText.decode(bytes));
			assertThat(read.segments()).singleElement()
				.satisfies((segment) -> assertThat(segment.text()).isEqualTo("¿Qué tal, señor?"));
		}
		assertThatThrownBy(() -> UploadText.decode(new byte[] { 1, 0, 2, 0, 3, 0 })).hasMessageContaining("binary");
	}

	@Test
	void malformedCuesAreSkippedAndCounted() {
		String srt = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n2\n00:00:xx --> nonsense\nbad\n\n"
				+ "3\n00:00:05,000 --> 00:00:04,000\nends before it starts\n\n4\n00:00:06,000 --> 00:00:07,000\n<i>last</i> &amp; best\n";
		Transcript transcript = TranscriptParser.parse(UploadFormat.SRT, srt);
		assertThat(transcript.segments()).extracting("text").containsExactly("first", "last & best");
		assertThat(transcript.skippedCues()).isEqualTo(2);
	}

	@Test
	void webVttNotesStylesAndVoiceTagsAreLeftOut() {
		String vtt = "WEBVTT - a talk\n\nNOTE written by hand\n\nSTYLE\n::cue { color: red }\n\n"
				+ "intro\n00:01.000 --> 00:03.000 align:start\n<v Ana>Hello <c.loud>there</c></v>\n\n"
				+ "01:00:00.000 --> 01:00:02.000\nAn hour later\n";
		Transcript transcript = TranscriptParser.parse(UploadFormat.VTT, vtt);
		assertThat(transcript.segments()).extracting("text").containsExactly("Hello there", "An hour later");
		assertThat(transcript.segments().get(1).startSeconds()).isEqualTo(3600.0);
		assertThat(transcript.skippedCues()).isZero();
	}

	@Test
	void plainTextAndMarkdownBecomeParagraphs() {
		Transcript text = TranscriptParser.parse(UploadFormat.TXT, "First line\nof a paragraph.\n\n\nSecond one.\n");
		assertThat(text.segments()).extracting("text").containsExactly("First line of a paragraph.", "Second one.");
		assertThat(text.isTimed()).isFalse();
		Transcript markdown = TranscriptParser.parse(UploadFormat.MD,
				"# Title\n\nSome **bold** text with a [link](https://example.com).\n\n- a point\n");
		assertThat(markdown.segments()).extracting("text")
			.containsExactly("Title", "Some bold text with a link.", "a point");
	}

	@Test
	void plainTextWhoseLinesAreSpeakerTurnsKeepsEachTurnApart() {
		Transcript dialogue = TranscriptParser.parse(UploadFormat.TXT,
				"Project Manager: Let's start.\nMarketing: The survey is in\nHon. Bill Morneau: Thank you.\nand it says\n");
		assertThat(dialogue.segments()).extracting("text")
			.containsExactly("Project Manager: Let's start.", "Marketing: The survey is in",
					"Hon. Bill Morneau: Thank you.", "and it says");
		Transcript prose = TranscriptParser.parse(UploadFormat.TXT, "Note: this is prose\nthat goes on\nand on.\n");
		assertThat(prose.segments()).extracting("text").containsExactly("Note: this is prose that goes on and on.");
	}

	@Test
	void unreadableFilesFailWithASentence() {
		assertThatThrownBy(() -> UploadText.decode(new byte[0])).isInstanceOf(SourceFailure.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> UploadText.decode(new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.hasMessageContaining("not UTF-8");
		assertThatThrownBy(() -> UploadText.decode(new byte[] { 'a', 0, 'b' })).hasMessageContaining("binary");
		assertThatThrownBy(() -> TranscriptParser.parse(UploadFormat.SRT, "just words, no cues"))
			.hasMessageContaining("no readable subtitle cues");
		assertThatThrownBy(() -> TranscriptParser.parse(UploadFormat.TXT, "  \n\n ")).hasMessageContaining("no text");
		assertThat(UploadFormat.of("talk.PDF")).isEmpty();
		assertThat(UploadFormat.of("Talk.SRT")).contains(UploadFormat.SRT);
	}

	@Test
	void pastTheWordCapTheTextIsOnlyCountedAndTheLineThatCrossesItIsCutInside() {
		Transcript cues = TranscriptParser.parse(UploadFormat.SRT,
				"1\n00:00:01,000 --> 00:00:02,000\none two three\n\n2\n00:00:03,000 --> 00:00:04,000\nfour five six\n\n"
						+ "3\n00:00:05,000 --> 00:00:06,000\nseven eight\n",
				4);
		assertThat(cues.segments()).extracting("text").containsExactly("one two three", "four");
		assertThat(cues.wordsLeftOut()).isEqualTo(4);
		assertThat(cues.isCut()).isTrue();

		Transcript oneLine = TranscriptParser.parse(UploadFormat.TXT, "word ".repeat(10_000), 100);
		assertThat(oneLine.segments()).singleElement()
			.satisfies((segment) -> assertThat(segment.text().split(" ")).hasSize(100));
		assertThat(oneLine.wordsLeftOut()).isEqualTo(9_900);

		Transcript whole = TranscriptParser.parse(UploadFormat.TXT, "a b c\n\nd e\n", 5);
		assertThat(whole.isCut()).isFalse();
		assertThat(whole.segments()).hasSize(2);
	}

	@Test
	void aFileWithoutBlankLinesIsReadInBlocksOfBoundedSize() {
		String lines = "A short line of text.\n".repeat(2_500);
		Transcript transcript = TranscriptParser.parse(UploadFormat.TXT, lines);
		assertThat(transcript.segments()).hasSize(3);
		assertThat(transcript.segments()).extracting((segment) -> segment.text().split("\\. ").length)
			.containsExactly(1_000, 1_000, 500);
	}

	@Test
	void aMarkdownFenceOrRuleEndsAParagraph() {
		Transcript markdown = TranscriptParser.parse(UploadFormat.MD,
				"Before the code.\n```java\nint x;\n```\nAfter it.\n***\nThe end.\n");
		assertThat(markdown.segments()).extracting("text")
			.containsExactly("Before the code.", "int x;", "After it.", "The end.");
	}

	@Test
	void theDurationOfASubtitleFileIsReadFromItsTimingLinesAlone() {
		String srt = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n2\n01:02:03,400 --> 01:02:05,600\nlast\n\n"
				+ "3\nnot --> a timing\nbad\n";
		assertThat(TranscriptParser.durationSeconds(UploadFormat.SRT, srt)).isEqualTo(3726);
		assertThat(TranscriptParser.durationSeconds(UploadFormat.TXT, "a --> b")).isNull();
		assertThat(TranscriptParser.durationSeconds(UploadFormat.VTT, "WEBVTT\n\nno cues")).isNull();
	}

	static Transcript parse(UploadFormat format, String resource) throws IOException {
		try (InputStream in = TranscriptParserTest.class.getResourceAsStream(resource)) {
			return TranscriptParser.parse(format, UploadText.decode(in.readAllBytes()));
		}
	}

}
