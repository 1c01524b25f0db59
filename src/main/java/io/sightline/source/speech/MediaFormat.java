package io.sightline.source.speech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.sightline.source.SourceFailure;

/**
 * Audio and video files Sightline transcribes, recognised by their name's extension and
 * checked by their first bytes: a picture renamed {@code .mp3} is refused when it is
 * received, not after it was converted.
 */
public final class MediaFormat {

	/** The extensions, for sentences. */
	public static final String ACCEPTED = "mp3, m4a, aac, wav, flac, ogg, opus, webm, mp4, mkv or mov";

	private static final List<String> EXTENSIONS = List.of(".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".oga",
			".opus", ".webm", ".mp4", ".m4v", ".mkv", ".mov");

	/** ISO media boxes a file of the MP4 family (mp4, m4a, mov) may start with. */
	private static final List<String> ISO_BOXES = List.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot");

	/** How many of a file's first bytes {@link #check} reads. */
	public static final int HEAD_BYTES = 12;

	private MediaFormat() {
	}

	/** Whether a file of this name is audio or video Sightline transcribes. */
	public static boolean isMedia(String fileName) {
		if (fileName == null) {
			return false;
		}
		String lower = fileName.toLowerCase(Locale.ROOT);
		return EXTENSIONS.stream().anyMatch(lower::endsWith);
	}

	/**
	 * Checks that a file's first bytes are those of an audio or video container: MP3,
	 * ADTS AAC, the MP4 family, WAV, FLAC, Ogg, Matroska/WebM.
	 * @throws SourceFailure when they are not
	 */
	public static void check(String fileName, byte[] head) {
		if (!looksLikeMedia(head)) {
			throw SourceFailure.permanent("upload.not_media",
					"The file '" + fileName
							+ "' is not audio or video (its content does not match its name); upload a recording ("
							+ ACCEPTED + ") or its transcript.");
		}
	}

	static boolean looksLikeMedia(byte[] head) {
		if (head.length < 4) {
			return false;
		}
		String start = new String(Arrays.copyOf(head, 4), StandardCharsets.ISO_8859_1);
		if (start.startsWith("ID3") || start.equals("fLaC") || start.equals("OggS")) {
			return true;
		}
		int first = head[0] & 0xFF;
		int second = head[1] & 0xFF;
		if (first == 0xFF && (second & 0xE0) == 0xE0) {
			// an MPEG audio frame (MP3) or an ADTS (AAC) header
			return true;
		}
		if (first == 0x1A && second == 0x45 && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3) {
			return true;
		}
		if (head.length >= 12 && start.equals("RIFF")) {
			String kind = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
			return kind.equals("WAVE") || kind.equals("AVI ");
		}
		return head.length >= 8 && ISO_BOXES.contains(new String(head, 4, 4, StandardCharsets.ISO_8859_1));
	}

}
