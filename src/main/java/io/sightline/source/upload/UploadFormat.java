package io.sightline.source.upload;

import java.util.Locale;
import java.util.Optional;

/** The file types an upload may have, recognised by the file name's extension. */
public enum UploadFormat {

	TXT(".txt"), MD(".md"), SRT(".srt"), VTT(".vtt");

	public static final String ACCEPTED = ".txt, .md, .srt or .vtt";

	private final String extension;

	UploadFormat(String extension) {
		this.extension = extension;
	}

	public static Optional<UploadFormat> of(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		String lower = fileName.toLowerCase(Locale.ROOT);
		for (UploadFormat format : values()) {
			if (lower.endsWith(format.extension)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	boolean isTimed() {
		return this == SRT || this == VTT;
	}

}
