package io.sightline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		return subtitles("IO2009-The_Myth_of_the_Genius_Programmer.srt");
	}

	/**
	 * Three more talks of about an hour, in the same corpus, that the offline summarizer
	 * was not tuned on: JavaScript: The Good Parts, Exploring Chrome Internals and The
	 * Neuroscience of Emotions (whose times start at one hour).
	 */
	public static Map<String, Transcript> otherTalks() {
		Map<String, Transcript> talks = new LinkedHashMap<>();
		for (String file : List.of("JavaScript_TheGoodParts.srt", "IO2009-Exploring_Chrome_Internals.srt",
				"2008_09_16_TheNeuroscienceOfEmotions_DrPhillippeGoldin.srt")) {
			talks.put(file, subtitles(file));
		}
		return talks;
	}

	private static Transcript subtitles(String file) {
		try (InputStream in = Talks.class.getResourceAsStream("/subtitles/" + file)) {
			return TranscriptParser.parse(UploadFormat.SRT, UploadText.decode(in.readAllBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
