package io.sightline.source.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.sightline.source.SourceFailure;

/**
 * Turns an uploaded file's bytes into text: UTF-8 with or without BOM, line ends made LF.
 */
public final class UploadText {

	private UploadText() {
	}

	public static String decode(byte[] bytes) {
		if (bytes.length == 0) {
			throw SourceFailure.permanent("upload.empty",
					"The file is empty; upload a transcript or subtitle file with text in it.");
		}
		int start = (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		for (int i = start; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				throw SourceFailure.permanent("upload.binary",
						"The file looks binary, not text; upload a plain-text transcript or subtitle file (UTF-8).");
			}
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw SourceFailure.permanent("upload.not_utf8",
					"The file is not UTF-8 text; save it as UTF-8 and upload it again.");
		}
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

}
