package io.sightline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.sightline.source.Transcript;
import io.sightline.source.upload.TranscriptParser;
import io.sightline.source.upload.UploadFormat;
import io.sightline.source.upload.UploadText;

/** Real transcripts the tests share. */
public final class Talks {

	private Talks() {
	}

	/**
	 * The example talk: "The Myth of the Genius Programmer" (Google I/O 2009), an hour of
	 * speech in 1,585 subtitle cues.
	 */
	public static Transcript oneHourTalk() {
		try (InputStream in = Talks.class
			.getResourceAsStream("/subtitles/IO2009-The_Myth_of_the_Genius_Programmer.srt")) {
			return TranscriptParser.parse(UploadFormat.SRT, UploadText.decode(in.readAllBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
