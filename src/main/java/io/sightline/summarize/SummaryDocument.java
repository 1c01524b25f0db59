package io.sightline.summarize;

import java.util.List;

import io.sightline.source.Chapter;

/**
 * A finished summary: TL;DR, key points in time order, and the whole as markdown;
 * {@code model} and {@code usage} are null for summarizers that use no model;
 * {@code chapters} are those the summarizer found (empty when it found none, or the
 * source had its own).
 */
public record SummaryDocument(String title, String tldr, List<KeyPoint> keyPoints, String markdown, String summarizer,
		String model, TokenUsage usage, List<Chapter> chapters) {

	public SummaryDocument {
		keyPoints = List.copyOf(keyPoints);
		chapters = (chapters != null) ? List.copyOf(chapters) : List.of();
	}

	public SummaryDocument(String title, String tldr, List<KeyPoint> keyPoints, String markdown, String summarizer,
			String model, TokenUsage usage) {
		this(title, tldr, keyPoints, markdown, summarizer, model, usage, List.of());
	}

	public SummaryDocument(String title, String tldr, List<KeyPoint> keyPoints, String markdown, String summarizer,
			String model) {
		this(title, tldr, keyPoints, markdown, summarizer, model, null);
	}

}
