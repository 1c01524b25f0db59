package io.sightline.source.speech;

import java.nio.charset.StandardCharsets;

import io.sightline.source.SourceFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaFormatTest {

	@Test
	void recordingsAreKnownByTheirNameAndCheckedByTheirFirstBytes() {
		assertThat(MediaFormat.isMedia("Talk.M4A")).isTrue();
		assertThat(MediaFormat.isMedia("notes.txt")).isFalse();
		assertThat(MediaFormat.looksLikeMedia(bytes("ID3\u0004\0\0\0\0\0\0\0\0"))).isTrue();
		assertThat(MediaFormat.looksLikeMedia(new byte[] { (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0 })).isTrue();
		assertThat(MediaFormat.looksLikeMedia(bytes("\0\0\0\u0020ftypM4A "))).isTrue();
		assertThat(MediaFormat.looksLikeMedia(bytes("RIFF\0\0\0\0WAVE"))).isTrue();
		assertThat(MediaFormat.looksLikeMedia(bytes("OggS\0\u0002"))).isTrue();
		assertThat(MediaFormat.looksLikeMedia(bytes("fLaC\0\0\0\u0001"))).isTrue();
		assertThat(MediaFormat.looksLikeMedia(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1 })).isTrue();
		assertThat(MediaFormat.looksLikeMedia(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 })).isFalse();
		assertThat(MediaFormat.looksLikeMedia(bytes("Hello, world"))).isFalse();
		assertThatThrownBy(() -> MediaFormat.check("photo.mp3", new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.isInstanceOf(SourceFailure.class)
			.hasMessageStartingWith("The file 'photo.mp3' is not audio or video");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
