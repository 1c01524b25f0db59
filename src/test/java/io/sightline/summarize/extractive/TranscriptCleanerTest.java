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
	void lettersSpelledOutWithUnderscoresAreWrittenAsTheirAcronym() {
		assertThat(TranscriptCleaner.clean("Marketing: The L_C_D_ screen on the T_V_ is bigger than on the D_V_D_ .",
				"en"))
			.isEqualTo("The LCD screen on the TV is bigger than on the DVD.");
		assertThat(TranscriptCleaner.clean("snake_case_name stays as it is", "en"))
			.isEqualTo("snake_case_name stays as it is");
	}

	@Test
	void discourseMarkersOpeningASentenceAreTakenOff() {
		assertThat(TranscriptCleaner.trimLeadingMarkers("So, yeah, okay, we ship it.", "en")).isEqualTo("we ship it.");
		assertThat(TranscriptCleaner.trimLeadingMarkers("Software ships.", "en")).isEqualTo("Software ships.");
		assertThat(TranscriptCleaner.trimLeadingMarkers("So, yeah, wir gehen.", "de"))
			.isEqualTo("So, yeah, wir gehen.");
	}

}
