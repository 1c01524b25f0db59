package io.sightline.summarize.extractive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what carries no content from spoken text: annotations such as
 * {@code [laughter]} or {@code {vocalsound}}, speaker labels, fillers ("um", "uh") and
 * stuttered repeats ("the the").
 */
final class TranscriptCleaner {

	private static final Pattern ANNOTATION = Pattern.compile(
			"\\[[^\\]]{0,40}\\]|\\{[^}]{0,40}\\}|\\((?i:[^)]{0,20}(laugh|applause|music|inaudible|crosstalk|cough|silence|noise)[^)]{0,20})\\)|♪+|>>+");

	private static final Pattern SPEAKER_LABEL = Pattern
		.compile("(^|(?<=[.!?]\\s))\\p{Lu}[\\p{L}'’-]{1,24}(\\s\\p{Lu}[\\p{L}'’-]{0,24})?:\\s+");

	/**
	 * A turn's label at the start of a segment: {@code Hon. Bill Morneau:},
	 * {@code The Acting Chair (Mr. Bruce Stanton):}.
	 */
	private static final Pattern TURN_LABEL = Pattern.compile("^\\p{Lu}[^:]{0,60}?:\\s+");

	private static final Pattern SPLIT_CONTRACTION = Pattern
		.compile("(?i)(?<=\\p{L})\\s+('s|n't|'re|'ve|'ll|'d|'m)(?!\\p{L})");

	/**
	 * A word that opens spoken sentences without adding to them; taken off one at a time.
	 */
	private static final Pattern LEADING_MARKER = Pattern.compile(
			"(?iu)(so|and|but|well|okay|ok|yeah|yep|yes|right|alright|oh|anyway|like|now|um|uh|then|i mean|you know|actually|basically)[,.!]?\\s+");

	/**
	 * A lone letter other than "a" and "I" is a word cut off mid-way ("w I was", "c
	 * maybe").
	 */
	private static final Pattern CUT_OFF_LETTER = Pattern.compile("(?<=\\s)[b-hj-zB-HJ-Z](?=\\s)");

	private static final Pattern FILLER = Pattern.compile(
			"(?iu)(?<![\\p{L}'’-])(um+|uh+|erm+|hmm+|hm+|mm+|uh-huh|mm-hmm|mhm|eh+|ehm+|n{3,})(?![\\p{L}'’-])[,.]?\\s*");

	private static final Pattern ENGLISH_FILLER = Pattern
		.compile("(?iu)(?<![\\p{L}'’-])(er|ah+|oh|yeah|okay|you know|i mean|sort of|kind of|like)(?![\\p{L}'’-]),\\s*");

	/**
	 * Letters spelled out one by one as meeting transcripts write them ("L_C_D_",
	 * "T_V_"), to be written as the acronym they spell.
	 */
	private static final Pattern SPELLED = Pattern.compile("(?<![\\p{L}\\p{N}_])((?:\\p{Lu}_)+)(?![\\p{L}\\p{N}_])");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.!?;:])");

	private TranscriptCleaner() {
	}

	static String clean(String text, String language) {
		String cleaned = ANNOTATION.matcher(text).replaceAll(" ");
		cleaned = TURN_LABEL.matcher(cleaned.strip()).replaceFirst("");
		cleaned = SPEAKER_LABEL.matcher(cleaned).replaceAll("");
		cleaned = SPLIT_CONTRACTION.matcher(cleaned).replaceAll("$1");
		cleaned = SPELLED.matcher(cleaned).replaceAll((letters) -> letters.group(1).replace("_", ""));
		cleaned = FILLER.matcher(cleaned).replaceAll("");
		if (language == null || language.startsWith("en")) {
			cleaned = ENGLISH_FILLER.matcher(cleaned).replaceAll("");
			cleaned = CUT_OFF_LETTER.matcher(cleaned).replaceAll("");
		}
		cleaned = withoutRepeatedWords(cleaned);
		cleaned = SPACE.matcher(cleaned).replaceAll(" ");
		cleaned = SPACE_BEFORE_PUNCTUATION.matcher(cleaned).replaceAll("$1");
		return cleaned.strip();
	}

	/**
	 * A sentence without the discourse markers that open it ("So, yeah, okay, we ..." →
	 * "we ...").
	 */
	static String trimLeadingMarkers(String sentence, String language) {
		if (language != null && !language.startsWith("en")) {
			return sentence;
		}
		Matcher marker = LEADING_MARKER.matcher(sentence);
		int start = 0;
		while (marker.region(start, sentence.length()).lookingAt()) {
			start = marker.end();
		}
		return sentence.substring(start);
	}

	/**
	 * A word said again at once, once ("the the the" → "the"): words are runs of letters,
	 * digits and apostrophes, compared without case, with only white space between them.
	 * One pass, no back-reference: a pattern repeating {@code (\\s+\\1)+} recursed once
	 * per repetition and overflowed the stack on long runs.
	 */
	static String withoutRepeatedWords(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int lastStart = -1;
		int lastEnd = -1;
		int i = 0;
		while (i < text.length()) {
			if (!isWordPart(text.codePointAt(i))) {
				int codePoint = text.codePointAt(i);
				out.appendCodePoint(codePoint);
				i += Character.charCount(codePoint);
				continue;
			}
			int start = i;
			while (i < text.length() && isWordPart(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			boolean repeated = lastEnd >= 0 && lastEnd < out.length() && isSpace(out, lastEnd)
					&& text.regionMatches(true, start, out.substring(lastStart, lastEnd), 0, lastEnd - lastStart)
					&& i - start == lastEnd - lastStart;
			if (repeated) {
				out.setLength(lastEnd);
				continue;
			}
			lastStart = out.length();
			out.append(text, start, i);
			lastEnd = out.length();
		}
		return out.toString();
	}

	private static boolean isWordPart(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || codePoint == '\'' || codePoint == '’';
	}

	private static boolean isSpace(CharSequence text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (" \t\n\u000B\f\r".indexOf(text.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

}
