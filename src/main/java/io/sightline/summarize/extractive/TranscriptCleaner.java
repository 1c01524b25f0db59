package io.sightline.summarize.extractive;

import java.util.regex.Pattern;

/**
 * Removes what carries no content from spoken text: annotations such as {@code [laughter]} or
 * {@code {vocalsound}}, speaker labels, fillers ("um", "uh") and stuttered repeats ("the the").
 */
final class TranscriptCleaner {

	private static final Pattern ANNOTATION = Pattern
		.compile("\\[[^\\]]{0,40}\\]|\\{[^}]{0,40}\\}|\\((?i:[^)]{0,20}(laugh|applause|music|inaudible|crosstalk|cough|silence|noise)[^)]{0,20})\\)|♪+|>>+");

	private static final Pattern SPEAKER_LABEL = Pattern
		.compile("(^|(?<=[.!?]\\s))\\p{Lu}[\\p{L}'’-]{1,24}(\\s\\p{Lu}[\\p{L}'’-]{1,24})?:\\s+");

	private static final Pattern FILLER = Pattern
		.compile("(?iu)(?<![\\p{L}'’-])(um+|uh+|erm+|hmm+|mm+|uh-huh|mhm)(?![\\p{L}'’-])[,.]?\\s*");

	private static final Pattern ENGLISH_FILLER = Pattern
		.compile("(?iu)(?<![\\p{L}'’-])(er|ah+|you know|i mean)(?![\\p{L}'’-]),\\s*");

	private static final Pattern REPEAT = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}'’]+)(\\s+\\1)+(?![\\p{L}\\p{N}])");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.!?;:])");

	private TranscriptCleaner() {
	}

	static String clean(String text, String language) {
		String cleaned = ANNOTATION.matcher(text).replaceAll(" ");
		cleaned = SPEAKER_LABEL.matcher(cleaned.strip()).replaceAll("");
		cleaned = FILLER.matcher(cleaned).replaceAll("");
		if (language == null || language.startsWith("en")) {
			cleaned = ENGLISH_FILLER.matcher(cleaned).replaceAll("");
		}
		cleaned = REPEAT.matcher(cleaned).replaceAll("$1");
		cleaned = SPACE.matcher(cleaned).replaceAll(" ");
		cleaned = SPACE_BEFORE_PUNCTUATION.matcher(cleaned).replaceAll("$1");
		return cleaned.strip();
	}

}
