package io.sightline.source;

import io.sightline.source.speech.MediaFormat;
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

	/** The recordings an upload may be, for sentences. */
	public static final String ACCEPTED_RECORDINGS = MediaFormat.ACCEPTED;

	/** How many first bytes of a recording {@link #checkRecording} needs. */
	public static final int RECORDING_HEAD_BYTES = MediaFormat.HEAD_BYTES;

	/** Whether a file of this name is one Sightline reads as text (by its extension). */
	public static boolean accepts(String fileName) {
		return UploadFormat.of(fileName).isPresent();
	}

	/** Whether a file of this name is a recording Sightline transcribes. */
	public static boolean isRecording(String fileName) {
		return MediaFormat.isMedia(fileName);
	}

	/**
	 * Checks that a recording's first bytes are those of audio or video.
	 * @throws SourceFailure when they are not
	 */
	public static void checkRecording(String fileName, byte[] head) {
		MediaFormat.check(fileName, head);
	}

	/**
	 * The file's text, checked to be a transcript or subtitle file Sightline can read:
	 * its text whole, and its first {@value #CHECKED_CHARS} characters as the worker will
	 * parse them, so a file that is not what its name says is refused at once while the
	 * request thread never builds the structures of a large file (the worker does, once).
	 * @throws SourceFailure saying why not (its code says so to programs)
	 */
	public static String read(String fileName, byte[] bytes) {
		UploadFormat format = UploadFormat.of(fileName)
			.orElseThrow(() -> SourceFailure.permanent("upload.unsupported_type",
					"Files like '" + fileName + "' cannot be summarized; upload a " + ACCEPTED + " file."));
		String text = UploadText.decode(bytes);
		TranscriptParser.parse(format, beginning(text));
		return text;
	}

	/** A title from an uploaded file's name: its stem, underscores as spaces. */
	public static String title(String fileName) {
		String base = fileName.replaceAll("^.*[/\\\\]", "");
		int dot = base.lastIndexOf('.');
		String stem = (dot > 0) ? base.substring(0, dot) : base;
		String spaced = stem.replace('_', ' ').strip();
		return spaced.isEmpty() ? "Uploaded transcript" : spaced;
	}

	/** How much of an upload is parsed when it is received. */
	static final int CHECKED_CHARS = 64 * 1024;

	/**
	 * The text's beginning, up to {@link #CHECKED_CHARS}, ending at a blank line or a
	 * line's end.
	 */
	static String beginning(String text) {
		if (text.length() <= CHECKED_CHARS) {
			return text;
		}
		int blank = text.lastIndexOf("\n\n", CHECKED_CHARS - 2);
		if (blank > 0) {
			return text.substring(0, blank + 2);
		}
		int line = text.lastIndexOf('\n', CHECKED_CHARS - 1);
		return (line > 0) ? text.substring(0, line + 1) : text.substring(0, CHECKED_CHARS);
	}

}
