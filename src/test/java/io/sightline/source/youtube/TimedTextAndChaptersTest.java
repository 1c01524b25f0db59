package io.sightline.source.youtube;

import java.util.List;

import io.sightline.source.Chapter;
import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimedTextAndChaptersTest {

	@Test
	void entitiesAreDecodedTwiceTagsStrippedAndEmptyCuesSkipped() {
		String xml = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><transcript>"
				+ "<text start=\"0.5\" dur=\"2\">it&amp;#39;s &lt;b&gt;bold&lt;/b&gt;\n and   spaced</text>"
				+ "<text start=\"3\" dur=\"1\">   </text>"
				+ "<text start=\"4\" dur=\"1\">Tom &amp;amp; Jerry</text></transcript>";
		assertThat(TimedText.parse(xml)).containsExactly(new Segment(0.5, 2.0, "it's bold and spaced"),
				new Segment(4.0, 1.0, "Tom & Jerry"));
	}

	@Test
	void theSrv3FormIsReadInMilliseconds() {
		String xml = "<timedtext format=\"3\"><body><p t=\"1500\" d=\"2000\"><s>Hello</s><s> world</s></p>"
				+ "<p t=\"4000\" d=\"500\"></p></body></timedtext>";
		assertThat(TimedText.parse(xml)).containsExactly(new Segment(1.5, 2.0, "Hello world"));
	}

	@Test
	void aDoctypeIsRefusedSoNoEntityCanReachTheFileSystem() {
		String xml = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<transcript><text start=\"0\" dur=\"1\">&x;</text></transcript>";
		assertThatThrownBy(() -> TimedText.parse(xml)).isInstanceOf(SourceFailure.class);
	}

	@Test
	void chaptersFollowYouTubesRule() {
		String description = "Links below\n00:00 Intro\n1:30 - Design\n[12:05] Battery life\n1:02:03 Verdict\nThanks!";
		assertThat(Chapters.parse(description, 4000)).containsExactly(new Chapter(0, "Intro"),
				new Chapter(90, "Design"), new Chapter(725, "Battery life"), new Chapter(3723, "Verdict"));
	}

	@Test
	void descriptionsThatBreakTheRuleHaveNoChapters() {
		assertThat(Chapters.parse("0:10 Late start\n1:00 B\n2:00 C", 300)).isEmpty();
		assertThat(Chapters.parse("0:00 A\n1:00 B", 300)).isEmpty();
		assertThat(Chapters.parse("0:00 A\n2:00 B\n1:00 C", 300)).isEmpty();
		assertThat(Chapters.parse("0:00 A\n1:00 B\n9:00 Past the end", 300)).isEmpty();
		assertThat(Chapters.parse("", null)).isEqualTo(List.of());
	}

}
