package io.sightline.summarize;

import java.util.List;

import io.sightline.source.Chapter;

/**
 * Renders a summary as markdown: title, TL;DR, key points with their times, and any
 * notes.
 */
public final class SummaryMarkdown {

	private SummaryMarkdown() {
	}

	public static String render(String title, String tldr, List<KeyPoint> keyPoints, List<String> notes) {
		return render(title, tldr, keyPoints, List.of(), notes);
	}

	/** The summary with its chapters, each at its time, after the key points. */
	public static String render(String title, String tldr, List<KeyPoint> keyPoints, List<Chapter> chapters,
			List<String> notes) {
		StringBuilder md = new StringBuilder();
		md.append("# ").append(plain(title)).append("\n\n");
		md.append("**TL;DR:** ").append(plain(tldr)).append("\n\n");
		md.append("## Key points\n\n");
		for (KeyPoint point : keyPoints) {
			md.append("- ");
			if (point.startSeconds() != null) {
				md.append("**[").append(timestamp(point.startSeconds())).append("]** ");
			}
			md.append(plain(point.text())).append('\n');
		}
		if (!chapters.isEmpty()) {
			md.append("\n## Chapters\n\n");
			for (Chapter chapter : chapters) {
				md.append("- **[")
					.append(timestamp(chapter.startSeconds()))
					.append("]** ")
					.append(plain(chapter.title()))
					.append('\n');
			}
		}
		for (String note : notes) {
			md.append("\n_").append(plain(note)).append("_\n");
		}
		return md.toString();
	}

	/** {@code m:ss} below an hour, {@code h:mm:ss} from an hour on. */
	public static String timestamp(double seconds) {
		long total = (long) Math.floor(seconds);
		long hours = total / 3600;
		long minutes = (total % 3600) / 60;
		long secs = total % 60;
		return (hours > 0) ? String.format("%d:%02d:%02d", hours, minutes, secs)
				: String.format("%d:%02d", minutes, secs);
	}

	/** The text on one line, with no HTML a Markdown viewer would run. */
	public static String plain(String text) {
		return (text == null) ? "" : text.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
	}

	/** A video's address at a moment ({@code &t=95s}). */
	public static String moment(String videoUrl, double seconds) {
		return videoUrl + (videoUrl.contains("?") ? "&" : "?") + "t=" + (long) Math.floor(seconds) + "s";
	}

}
