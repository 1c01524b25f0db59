package io.sightline.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sightline.source.Segment;
import io.sightline.source.Transcript;
import io.sightline.system.Words;

/**
 * What a summary says about the transcript it was made from, whichever summarizer made
 * it: that it was cut at the cap on how much of a source is read, and that malformed cues
 * were skipped. Never silently.
 */
public final class TranscriptNotes {

	private TranscriptNotes() {
	}

	public static List<String> of(Transcript transcript) {
		List<String> notes = new ArrayList<>();
		if (transcript.isCut()) {
			long kept = transcript.segments().stream().mapToLong((segment) -> Words.count(segment.text())).sum();
			List<Segment> segments = transcript.segments();
			Double cutAt = segments.isEmpty() ? null : segments.get(segments.size() - 1).startSeconds();
			String upTo = (cutAt != null) ? " (up to " + SummaryMarkdown.timestamp(cutAt) + ")" : "";
			notes.add(String.format(Locale.ROOT,
					"The transcript has %,d words; only the first %,d%s were summarized. Upload the rest as its own"
							+ " file to summarize it too.",
					kept + transcript.wordsLeftOut(), kept, upTo));
		}
		if (transcript.skippedCues() > 0) {
			notes.add(transcript.skippedCues() + " malformed cue(s) in the file were skipped.");
		}
		return notes;
	}

}
