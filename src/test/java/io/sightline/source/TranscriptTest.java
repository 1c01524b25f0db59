package io.sightline.source;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

	private final Transcript talk = new Transcript(List.of(new Segment(0.0, 2.0, "one two three"),
			new Segment(2.0, 2.0, "four five six"), new Segment(4.0, 1.0, "seven")), "en", 1);

	@Test
	void aTranscriptIsCutAtTheCapInsideTheSegmentThatCrossesIt() {
		Transcript cut = this.talk.cappedAt(5);
		assertThat(cut.segments()).extracting(Segment::text).containsExactly("one two three", "four five");
		assertThat(cut.segments().get(1).startSeconds()).isEqualTo(2.0);
		assertThat(cut.wordsLeftOut()).isEqualTo(2);
		assertThat(cut.skippedCues()).isEqualTo(1);
		assertThat(cut.cappedAt(5)).isSameAs(cut);
		assertThat(cut.cappedAt(3).wordsLeftOut()).isEqualTo(4);
		assertThat(this.talk.cappedAt(7)).isSameAs(this.talk);
		assertThat(this.talk.cappedAt(6).segments()).hasSize(2);
	}

	@Test
	void aTranscriptStoredBeforeTheCapExistedReadsAsWhole() {
		JsonMapper json = JsonMapper.builder().build();
		Transcript stored = json
			.readValue("{\"segments\":[{\"startSeconds\":1.0,\"durationSeconds\":2.0,\"text\":\"hello\"}],"
					+ "\"language\":\"en\",\"skippedCues\":0}", Transcript.class);
		assertThat(stored.wordsLeftOut()).isZero();
		assertThat(json.readValue(json.writeValueAsString(this.talk.cappedAt(5)), Transcript.class))
			.isEqualTo(this.talk.cappedAt(5));
	}

}
