package io.sightline.source.upload;

/**
 * Markup removed from uploaded text in one forward pass each, so the time grows linearly
 * with the text whatever it holds: the regular expressions these replace rescanned the
 * rest of the text from every {@code <} or {@code [} without a partner (77 s for 100,000
 * brackets).
 */
final class Markup {

	private Markup() {
	}

	/**
	 * Without subtitle tags: {@code <…>} (HTML-like) and {@code {\…}} (SSA overrides).
	 */
	static String withoutTags(String line) {
		if (line.indexOf('<') < 0 && line.indexOf('{') < 0) {
			return line;
		}
		StringBuilder out = new StringBuilder(line.length());
		Next closeAngle = new Next(line, '>');
		Next closeBrace = new Next(line, '}');
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			int end = -1;
			if (c == '<') {
				end = closeAngle.from(i + 1);
			}
			else if (c == '{' && i + 1 < line.length() && line.charAt(i + 1) == '\\') {
				end = closeBrace.from(i + 2);
			}
			if (end >= 0) {
				i = end + 1;
				continue;
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	/**
	 * Markdown links and images as their text: {@code [text](url)} and
	 * {@code ![alt](src)} become the text.
	 */
	static String withoutLinks(String text) {
		if (text.indexOf("](") < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		Next closeBracket = new Next(text, ']');
		Next closeParen = new Next(text, ')');
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			boolean image = c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '[';
			int open = image ? i + 1 : i;
			if (image || c == '[') {
				int label = closeBracket.from(open + 1);
				if (label >= 0 && label + 1 < text.length() && text.charAt(label + 1) == '(') {
					int end = closeParen.from(label + 2);
					if (end >= 0) {
						out.append(text, open + 1, label);
						i = end + 1;
						continue;
					}
				}
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	/**
	 * Where a character next stands at or after a position, for positions that only grow:
	 * each answer is remembered until the position passes it, so all the look-ups of one
	 * pass cost one scan of the text.
	 */
	private static final class Next {

		private final String text;

		private final char wanted;

		private int from = Integer.MAX_VALUE;

		private int at = -1;

		Next(String text, char wanted) {
			this.text = text;
			this.wanted = wanted;
		}

		int from(int position) {
			if (position < this.from || (this.at >= 0 && position > this.at)) {
				this.from = position;
				this.at = this.text.indexOf(this.wanted, position);
			}
			return this.at;
		}

	}

}
