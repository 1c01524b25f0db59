package io.sightline.system;

/**
 * Reads a time within a recording as people and formats write it: {@code 1:02:03},
 * {@code 62:03}, {@code 00:01:02,500} (SubRip), {@code 00:01:02.500} (WebVTT), in
 * brackets or parentheses ({@code [3:25]}, {@code (3:25)}), or plain seconds
 * ({@code 75.5}). The one parser of such times, for subtitles, chapters and model answers
 * alike.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** The time in seconds, or null if the text is not a time. */
	public static Double seconds(String text) {
		if (text == null) {
			return null;
		}
		String time = text.strip();
		if (time.length() >= 2
				&& ((time.startsWith("[") && time.endsWith("]")) || (time.startsWith("(") && time.endsWith(")")))) {
			time = time.substring(1, time.length() - 1).strip();
		}
		if (time.isEmpty() || time.length() > 20) {
			return null;
		}
		String[] parts = time.replace(',', '.').split(":", -1);
		if (parts.length > 3) {
			return null;
		}
		double total = 0;
		for (int i = 0; i < parts.length; i++) {
			boolean last = i == parts.length - 1;
			if (!parts[i].matches(last ? "\\d+(\\.\\d+)?" : "\\d+")) {
				return null;
			}
			double value = Double.parseDouble(parts[i]);
			if (i > 0 && value >= 60) {
				return null;
			}
			total = total * 60 + value;
		}
		return total;
	}

}
