package io.sightline.source;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThumbnailsTest {

	@Test
	void picturesAreKnownByTheirBytesAndAnythingElseIsNoPicture() {
		assertThat(Thumbnails.mediaType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00 }))
			.contains("image/jpeg");
		assertThat(Thumbnails.mediaType(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains("image/png");
		assertThat(Thumbnails.mediaType("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
		assertThat(Thumbnails.mediaType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
			.contains("image/webp");
		assertThat(Thumbnails.mediaType("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(Thumbnails.mediaType("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(Thumbnails.mediaType(new byte[0])).isEmpty();
	}

}
