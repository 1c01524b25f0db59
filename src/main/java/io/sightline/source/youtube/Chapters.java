package io.sightline.source.youtube;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.Chapter;
import io.sightline.system.Timestamps;

/**
 * Reads chapters from a video description by YouTube's own rule: lines that start with a
 * timestamp ({@code 00:00 Intro}, {@code [1:02:03] - Questions}), the first at 0:00, at
 * least three, in increasing order and within the video. Anything else means the video
 * has none.
 */
final class Chapters {

	private static final Pattern LINE = Pattern
		.compile("^\\s*[\\[(]?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})[\\])]?\\s*(?:[-–—:|•]\\s*)?(\\S.*?)\\s*$");

	private Chapters() {
	}

	static List<Chapter> parse(String description, Integer durationSeconds) {
		List<Chapter> chapters = new ArrayList<>();
		for (String line : description.split("\\R")) {
			Matcher matcher = LINE.matcher(line);
			Double start = matcher.matches() ? Timestamps.seconds(matcher.group(1)) : null;
			if (start != null) {
				chapters.add(new Chapter(start, matcher.group(2)));
			}
		}
		if (chapters.size() < 3 || chapters.get(0).startSeconds() != 0) {
			return List.of();
		}
		for (int i = 1; i < chapters.size(); i++) {
			double start = chapters.get(i).startSeconds();
			if (start <= chapters.get(i - 1).startSeconds() || (durationSeconds != null && start >= durationSeconds)) {
				return List.of();
			}
		}
		return List.copyOf(chapters);
	}

}
