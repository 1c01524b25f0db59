package io.sightline.source.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.sightline.source.SourceFailure;

/**
 * Turns an uploaded file's bytes into text: UTF-8 with or without BOM, or UTF-16 (with a
 * BOM, as Windows saves "Unicode" text, or without one when every other byte is zero and
 * the text is readable), line ends made LF.
 */
public final class UploadText {

	private UploadText() {
	}

	public static String decode(byte[] bytes) {
		if (bytes.length == 0) {
			throw SourceFailure.permanent("upload.empty",
					"The file is empty; upload a transcript or subtitle file with text in it.");
		}
		Charset utf16 = utf16(bytes);
		if (utf16 != null) {
			return lines(decodeUtf16(bytes, utf16));
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
		return lines(text);
	}

	private static String lines(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	/**
	 * UTF-16LE or UTF-16BE when the bytes say so: a BOM, or, without one, an even length
	 * with every odd (LE) or every even (BE) byte zero and no other zero byte; else null.
	 */
	private static Charset utf16(byte[] bytes) {
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (bytes.length < 4 || bytes.length % 2 != 0) {
			return null;
		}
		boolean little = true;
		boolean big = true;
		for (int i = 0; i < bytes.length; i += 2) {
			little &= bytes[i] != 0 && bytes[i + 1] == 0;
			big &= bytes[i] == 0 && bytes[i + 1] != 0;
		}
		return little ? StandardCharsets.UTF_16LE : big ? StandardCharsets.UTF_16BE : null;
	}

	private static String decodeUtf16(byte[] bytes, Charset charset) {
		String text;
		try {
			text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw SourceFailure.permanent("upload.not_utf8",
					"The file is not valid UTF-16 text; save it as UTF-8 and upload it again.");
		}
		text = text.startsWith("\uFEFF") ? text.substring(1) : text;
		if (text.chars().anyMatch((c) -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			throw SourceFailure.permanent("upload.binary",
					"The file looks binary, not text; upload a plain-text transcript or subtitle file (UTF-8).");
		}
		return text;
	}

}
