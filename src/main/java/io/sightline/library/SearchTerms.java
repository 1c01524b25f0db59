package io.sightline.library;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a library search matches on, made the same way from a summary's text and from
 * a query: words split at case changes too ("TheGoodParts" is the, good, parts), lower
 * case without accents, an English plural made singular, the commonest function words of
 * English, German, Spanish and French left out.
 */
final class SearchTerms {

	static final int MAX_TERM_LENGTH = 64;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	/** Where a run of letters starts a new word: "goodParts", "HTMLParser". */
	private static final Pattern CASE_CHANGE = Pattern
		.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
			"for", "from", "has", "have", "he", "i", "in", "into", "is", "it", "its", "of", "on", "or", "so", "that",
			"the", "their", "there", "they", "this", "to", "was", "we", "were", "what", "which", "with", "you", "der",
			"die", "das", "und", "ist", "ein", "eine", "zu", "den", "von", "mit", "el", "la", "los", "las", "de", "y",
			"en", "que", "un", "una", "es", "le", "les", "et", "des", "du", "une", "est");

	private SearchTerms() {
	}

	/** A piece of text's words, each with where it is in the text. */
	record Word(String term, int start, int end) {
	}

	/** The terms of the text, in order, repeats kept. */
	static List<String> of(String text) {
		List<String> terms = new ArrayList<>();
		for (Word word : words(text)) {
			terms.add(word.term());
		}
		return terms;
	}

	/**
	 * The distinct terms of a query, in order: its words as they are typed, not split, so
	 * "JavaScript" asks for the word the text has whole or in parts.
	 */
	static List<String> query(String text) {
		LinkedHashSet<String> terms = new LinkedHashSet<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			String term = normalize(matcher.group());
			if (term != null) {
				terms.add(term);
			}
		}
		return List.copyOf(terms);
	}

	/**
	 * The text's words that are terms, with their places: a word joined from several
	 * ("TheGoodParts", "JavaScript") is itself and each of its parts.
	 */
	static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			String run = matcher.group();
			int offset = matcher.start();
			String[] parts = CASE_CHANGE.split(run);
			if (parts.length > 1) {
				add(words, run, offset);
			}
			for (String part : parts) {
				add(words, part, offset);
				offset += part.length();
			}
		}
		return words;
	}

	private static void add(List<Word> words, String word, int offset) {
		String term = normalize(word);
		if (term != null) {
			words.add(new Word(term, offset, offset + word.length()));
		}
	}

	/**
	 * Whether a word of the text matches a query term: the same term, or one that starts
	 * with it when the query term has three letters or more ("java" finds "javascript").
	 */
	static boolean matches(String term, String queryTerm) {
		return term.equals(queryTerm) || (queryTerm.length() >= 3 && term.startsWith(queryTerm));
	}

	private static String normalize(String word) {
		String plain = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		if (FUNCTION_WORDS.contains(plain) || (plain.length() < 2 && !Character.isDigit(plain.charAt(0)))) {
			return null;
		}
		String term = singular(plain);
		return (term.length() > MAX_TERM_LENGTH) ? term.substring(0, MAX_TERM_LENGTH) : term;
	}

	private static String singular(String word) {
		if (word.length() > 4 && word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
				&& !word.endsWith("is")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

}
