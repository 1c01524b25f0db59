package io.sightline.source;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import io.sightline.source.fetch.GuardedFetcher;
import io.sightline.source.fetch.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fetches a source's picture once, through the guarded fetcher, so the library shows it
 * from Sightline rather than from another site (which may be unreachable, or learn who
 * reads what). Only JPEG, PNG, WebP and GIF pictures are kept, recognized by their bytes
 * whatever the server said; anything else, too large or unreachable is no picture.
 */
@Component
public class Thumbnails {

	private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

	/** A thumbnail is small; a larger file is not one. */
	static final int MAX_BYTES = 2 * 1024 * 1024;

	private final GuardedFetcher fetcher;

	Thumbnails(GuardedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	/** A picture: its media type (from its bytes) and its bytes. */
	public record Image(String mediaType, byte[] bytes) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Image image && image.mediaType.equals(this.mediaType)
					&& Arrays.equals(image.bytes, this.bytes);
		}

		@Override
		public int hashCode() {
			return 31 * this.mediaType.hashCode() + Arrays.hashCode(this.bytes);
		}

		@Override
		public String toString() {
			return "Image[" + this.mediaType + ", " + this.bytes.length + " bytes]";
		}

	}

	/** The picture at the address, or empty when there is none to keep. */
	public Optional<Image> fetch(String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		try {
			Page page = this.fetcher.getDocument(URI.create(address));
			if (page.body().length > MAX_BYTES) {
				return Optional.empty();
			}
			return mediaType(page.body()).map((type) -> new Image(type, page.body()));
		}
		catch (RuntimeException unreachable) {
			log.debug("No thumbnail from {}: {}", address, unreachable.getMessage());
			return Optional.empty();
		}
	}

	/** The picture's type, told by its first bytes. */
	static Optional<String> mediaType(byte[] bytes) {
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(bytes, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (bytes.length > 12 && starts(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
