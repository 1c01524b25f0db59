package io.sightline.source.speech;

import java.util.List;

import io.sightline.source.speech.SpeechTranscriber.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartPlanTest {

	@Test
	void partsEndAtThePauseNearestTheirLengthElseAtTheLength() {
		assertThat(SpeechTranscriber.plan(250, 100, List.of(10.0, 80.0, 95.0, 99.0, 170.0, 240.0)))
			.containsExactly(new Part(0, 99), new Part(99, 199), new Part(199, 250));
		assertThat(SpeechTranscriber.plan(250, 100, List.of(180.0))).containsExactly(new Part(0, 100),
				new Part(100, 180), new Part(180, 250));
	}

	@Test
	void aRecordingShorterThanAPartIsOnePart() {
		assertThat(SpeechTranscriber.plan(42, 600, List.of())).containsExactly(new Part(0, 42));
		assertThat(SpeechTranscriber.plan(0.2, 600, List.of())).isEmpty();
	}

}
