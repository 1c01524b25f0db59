package io.sightline.summarize;

/**
 * A stretch of a transcript that answers a question, with where it starts (null:
 * untimed).
 */
public record Passage(Double startSeconds, String text) {

	/**
	 * The passage as it is quoted: {@code [m:ss] text}, or the text alone if it is
	 * untimed.
	 */
	public String quoted() {
		return ((this.startSeconds != null) ? "[" + SummaryMarkdown.timestamp(this.startSeconds) + "] " : "")
				+ this.text;
	}

}
