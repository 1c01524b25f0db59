package io.sightline.source;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What is checked of an upload when it is received: the text whole, the parse of its
 * beginning only.
 */
class UploadsTest {

	static String cues(int count) {
		StringBuilder srt = new StringBuilder();
		for (int i = 0; i < count; i++) {
			srt.append(i + 1)
				.append("\n00:00:")
				.append(String.format("%02d", i % 60))
				.append(",000 --> 00:00:")
				.append(String.format("%02d", i % 60))
				.append(",900\nLine ")
				.append(i)
				.append(" of the talk.\n\n");
		}
		return srt.toString();
	}

	@Test
	void theBeginningEndsAtACueBoundaryWithinTheLimit() {
		String text = cues(5_000);
		String beginning = Uploads.beginning(text);
		assertThat(beginning.length()).isLessThanOrEqualTo(Uploads.CHECKED_CHARS);
		assertThat(beginning).endsWith(".\n\n");
		assertThat(text).startsWith(beginning);
		assertThat(Uploads.beginning("short")).isEqualTo("short");
	}

	@Test
	void aFileThatIsNotWhatItsNameSaysIsRefusedWhenReceived() {
		byte[] notSubtitles = ("Dear diary, today was long.\n".repeat(5_000) + cues(100))
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(SourceFailure.class).isThrownBy(() -> Uploads.read("talk.srt", notSubtitles));
	}

	@Test
	void aLargeFileIsReceivedWholeWithoutParsingAllOfIt() {
		String text = cues(20_000);
		assertThat(Uploads.read("talk.srt", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
	}

}
