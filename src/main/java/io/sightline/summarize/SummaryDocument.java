package io.sightline.summarize;

import java.util.List;

/**
 * A finished summary: TL;DR, key points in time order, and the whole as markdown;
 * {@code model} and {@code usage} are null for summarizers that use no model.
 */
public record SummaryDocument(String title, String tldr, List<KeyPoint> keyPoints, String markdown, String summarizer,
		String model, TokenUsage usage) {

	public SummaryDocument {
		keyPoints = List.copyOf(keyPoints);
	}

	public SummaryDocument(String title, String tldr, List<KeyPoint> keyPoints, String markdown, String summarizer,
			String model) {
		this(title, tldr, keyPoints, markdown, summarizer, model, null);
	}

}
