package io.sightline.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sightline.library.Library;
import io.sightline.library.SummaryView;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.SummaryMarkdown;
import io.sightline.system.ApiException;

import org.springframework.stereotype.Service;

/**
 * A collection as one document: every video's summary under its title, in the list's
 * order, as Markdown (key points linked to their moment of the video) or as JSON.
 */
@Service
public class CollectionExport {

	private final Collections collections;

	private final Library library;

	CollectionExport(Collections collections, Library library) {
		this.collections = collections;
		this.library = library;
	}

	/** The collection and each item's summary (null where it has none). */
	public record Document(CollectionView collection, List<Entry> summaries) {
	}

	/** An item's position in the list, and its summary where there is one. */
	public record Entry(int position, SummaryView summary) {
	}

	/** The caller's collection with its summaries. */
	public Document document(UUID id, String owner) {
		CollectionView collection = this.collections.view(id, owner);
		List<Entry> summaries = new ArrayList<>();
		for (CollectionView.Item item : collection.items()) {
			summaries.add(new Entry(item.position(), summary(item, owner)));
		}
		return new Document(collection, summaries);
	}

	/** The caller's collection as one Markdown file. */
	public String markdown(UUID id, String owner) {
		Document document = document(id, owner);
		CollectionView collection = document.collection();
		StringBuilder md = new StringBuilder("# ").append(SummaryMarkdown.plain(collection.title())).append("\n\n");
		md.append(collection.url()).append("\n\n");
		for (int i = 0; i < collection.items().size(); i++) {
			CollectionView.Item item = collection.items().get(i);
			SummaryView summary = document.summaries().get(i).summary();
			md.append("## ")
				.append(item.position())
				.append(". [")
				.append(SummaryMarkdown.plain(item.title()))
				.append("](")
				.append(item.url())
				.append(")\n\n");
			if (summary == null) {
				md.append("_Not summarized")
					.append((item.error() != null) ? ": " + SummaryMarkdown.plain(item.error())
							: " (" + item.status() + ")")
					.append("_\n\n");
				continue;
			}
			if (summary.channel() != null) {
				md.append("_").append(SummaryMarkdown.plain(summary.channel())).append("_\n\n");
			}
			md.append("**TL;DR:** ").append(SummaryMarkdown.plain(summary.tldr())).append("\n\n");
			for (KeyPoint point : summary.keyPoints()) {
				md.append("- ");
				if (point.startSeconds() != null) {
					md.append("[")
						.append(SummaryMarkdown.timestamp(point.startSeconds()))
						.append("](")
						.append(SummaryMarkdown.moment(item.url(), point.startSeconds()))
						.append(") ");
				}
				md.append(SummaryMarkdown.plain(point.text())).append('\n');
			}
			md.append('\n');
		}
		return md.toString();
	}

	/** An item's summary, or null when it has none (not summarized, or deleted since). */
	private SummaryView summary(CollectionView.Item item, String owner) {
		if (!"completed".equals(item.status())) {
			return null;
		}
		try {
			return this.library.get(item.summaryId(), owner);
		}
		catch (ApiException gone) {
			return null;
		}
	}

}
