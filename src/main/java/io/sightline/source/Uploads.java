package io.sightline.source;

import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.source.upload.UploadText;

/**
 * The source module's face for uploaded files: which files it reads, and reading one the
 * way a task will, so a file that cannot be summarized is refused when it is uploaded.
 */
public final class Uploads {

	/** The file types an upload may have, for sentences: ".txt, .md, .srt or .vtt". */
	public static final String ACCEPTED = UploadFormat.ACCEPTED;

	private Uploads() {
	}

	/** Whether a file of this name is one Sightline reads (by its extension). */
	public static boolean accepts(String fileName) {
		return UploadFormat.of(fileName).isPresent();
	}

	/**
	 * The file's text, checked to be a transcript or subtitle file Sightline can read.
	 * @throws SourceFailure saying why not (its code says so to programs)
	 */
	public static String read(String fileName, byte[] bytes) {
		UploadFormat format = UploadFormat.of(fileName)
			.orElseThrow(() -> SourceFailure.permanent("upload.unsupported_type",
					"Files like '" + fileName + "' cannot be summarized; upload a " + ACCEPTED + " file."));
		String text = UploadText.decode(bytes);
		TranscriptParser.parse(format, text);
		return text;
	}

}
