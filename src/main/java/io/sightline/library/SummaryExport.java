package io.sightline.library;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import io.sightline.source.Chapter;
import io.sightline.source.Segment;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.SummaryMarkdown;

import org.springframework.stereotype.Service;

/**
 * A summary to take away: as a Markdown file that stands on its own (where it comes from,
 * who made it, when, and its times linked to the video's moments), or as JSON with its
 * transcript.
 */
@Service
public class SummaryExport {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final Library library;

	SummaryExport(Library library) {
		this.library = library;
	}

	/** The summary and the transcript it was made from. */
	public record SummaryAndTranscript(SummaryView summary, List<Segment> transcript) {
	}

	public SummaryAndTranscript document(UUID id, String owner) {
		return new SummaryAndTranscript(this.library.get(id, owner), this.library.transcript(id, owner));
	}

	/** A Markdown file: its name and its text. */
	public record MarkdownFile(String name, String text) {
	}

	/** The summary as a Markdown file named after its title. */
	public MarkdownFile markdownFile(UUID id, String owner) {
		SummaryView summary = this.library.get(id, owner);
		return new MarkdownFile(fileName(summary.title()), markdown(summary));
	}

	/** The file's name: the title's words, joined by dashes. */
	static String fileName(String title) {
		String slug = title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
		slug = (slug.length() > 80) ? slug.substring(0, 80) : slug;
		return (slug.isEmpty() ? "summary" : slug) + ".md";
	}

	static String markdown(SummaryView summary) {
		StringBuilder md = new StringBuilder("# ").append(SummaryMarkdown.plain(summary.title())).append("\n\n");
		if (summary.sourceUrl() != null) {
			md.append("- Source: <").append(summary.sourceUrl()).append(">\n");
		}
		if (summary.channel() != null) {
			md.append("- Channel: ").append(SummaryMarkdown.plain(summary.channel())).append('\n');
		}
		if (summary.durationSeconds() != null) {
			md.append("- Length: ").append(SummaryMarkdown.timestamp(summary.durationSeconds())).append('\n');
		}
		md.append("- Summarized: ")
			.append(DAY.format(summary.createdAt().atOffset(ZoneOffset.UTC)))
			.append(" by Sightline (")
			.append(summary.summarizer())
			.append((summary.model() != null) ? ", " + summary.model() : "")
			.append(")\n\n");
		if (summary.tldr() != null && !summary.tldr().isBlank()) {
			md.append("**TL;DR:** ").append(SummaryMarkdown.plain(summary.tldr())).append("\n\n");
		}
		if (!summary.chapters().isEmpty()) {
			md.append("## Chapters\n\n");
			for (Chapter chapter : summary.chapters()) {
				md.append("- ")
					.append(time(summary, chapter.startSeconds()))
					.append(' ')
					.append(SummaryMarkdown.plain(chapter.title()))
					.append('\n');
			}
			md.append('\n');
		}
		md.append("## Key points\n\n");
		for (KeyPoint point : summary.keyPoints()) {
			md.append("- ");
			if (point.startSeconds() != null) {
				md.append(time(summary, point.startSeconds())).append(' ');
			}
			md.append(SummaryMarkdown.plain(point.text())).append('\n');
		}
		return md.toString();
	}

	/** A moment, linked to the video at that moment when the source is a video. */
	private static String time(SummaryView summary, double seconds) {
		String stamp = SummaryMarkdown.timestamp(seconds);
		if ("youtube".equals(summary.sourceType()) && summary.sourceUrl() != null) {
			return "[" + stamp + "](" + SummaryMarkdown.moment(summary.sourceUrl(), seconds) + ")";
		}
		return "[" + stamp + "]";
	}

}
