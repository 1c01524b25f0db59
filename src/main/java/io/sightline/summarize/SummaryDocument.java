package io.sightline.summarize;

import java.util.List;

/** A finished summary: TL;DR, key points in time order, and the whole as markdown. */
public record SummaryDocument(String title, String tldr, List<KeyPoint> keyPoints, String markdown,
		String summarizer, String model) {

	public SummaryDocument {
		keyPoints = List.copyOf(keyPoints);
	}

}
