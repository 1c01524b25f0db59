package io.sightline.summarize.extractive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptCleanerTest {

	@Test
	void aWordSaidAgainAtOnceIsKeptOnce() {
		assertThat(TranscriptCleaner.withoutRepeatedWords("so the the the code")).isEqualTo("so the code");
		assertThat(TranscriptCleaner.withoutRepeatedWords("The the code")).isEqualTo("The code");
		assertThat(TranscriptCleaner.withoutRepeatedWords("don't don't go, 10 10 times"))
			.isEqualTo("don't go, 10 times");
		assertThat(TranscriptCleaner.withoutRepeatedWords("über Über alles")).isEqualTo("über alles");
	}

	@Test
	void wordsThatOnlyBeginAlikeOrStandApartStay() {
		assertThat(TranscriptCleaner.withoutRepeatedWords("the then the, the")).isEqualTo("the then the, the");
		assertThat(TranscriptCleaner.withoutRepeatedWords("in the in the words")).isEqualTo("in the in the words");
		assertThat(TranscriptCleaner.withoutRepeatedWords("")).isEmpty();
	}

	@Test
	void discourseMarkersOpeningASentenceAreTakenOff() {
		assertThat(TranscriptCleaner.trimLeadingMarkers("So, yeah, okay, we ship it.", "en")).isEqualTo("we ship it.");
		assertThat(TranscriptCleaner.trimLeadingMarkers("Software ships.", "en")).isEqualTo("Software ships.");
		assertThat(TranscriptCleaner.trimLeadingMarkers("So, yeah, wir gehen.", "de"))
			.isEqualTo("So, yeah, wir gehen.");
	}

}
