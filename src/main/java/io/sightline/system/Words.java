package io.sightline.system;

/** Counting and cutting text by words: runs of characters that are not white space. */
public final class Words {

	private Words() {
	}

	/** How many words the text has. */
	public static int count(String text) {
		int count = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				count++;
			}
			inWord = !space;
		}
		return count;
	}

	/** The text up to the end of its {@code count}th word. */
	public static String first(String text, int count) {
		int seen = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				if (seen == count) {
					return text.substring(0, i).strip();
				}
				seen++;
			}
			inWord = !space;
		}
		return text;
	}

}
