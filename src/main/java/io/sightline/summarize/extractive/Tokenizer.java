package io.sightline.summarize.extractive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into lower-cased word tokens in any script (letters, combining marks and
 * digits, with inner apostrophes), without stop words of the text's language. Ships
 * stop-word lists for English, German, Spanish and French; the language is the one asked
 * for or the one whose list covers the most words.
 */
final class Tokenizer {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’]*");

	private static final Map<String, Set<String>> STOP_WORDS = loadStopWords("en", "de", "es", "fr");

	private final String language;

	private final Set<String> stopWords;

	private Tokenizer(String language, Set<String> stopWords) {
		this.language = language;
		this.stopWords = stopWords;
	}

	/** The language whose stop words this tokenizer drops: en, de, es or fr. */
	String language() {
		return this.language;
	}

	/** Whether the word (lower case) is one of this language's stop words. */
	boolean isStopWord(String word) {
		return this.stopWords.contains(word);
	}

	static Tokenizer forLanguage(String language, List<String> sample) {
		String code = (language == null) ? null : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
		String chosen = (code != null && STOP_WORDS.containsKey(code)) ? code : detect(sample);
		return new Tokenizer(chosen, STOP_WORDS.get(chosen));
	}

	/**
	 * The language, among those with stop-word lists, whose list covers most words of the
	 * sample.
	 */
	static String detect(List<String> sample) {
		Map<String, Integer> hits = new LinkedHashMap<>();
		STOP_WORDS.keySet().forEach((code) -> hits.put(code, 0));
		int seen = 0;
		for (String text : sample) {
			for (String word : words(text)) {
				STOP_WORDS.forEach((code, words) -> {
					if (words.contains(word)) {
						hits.merge(code, 1, Integer::sum);
					}
				});
				if (++seen > 5000) {
					break;
				}
			}
		}
		return hits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("en");
	}

	List<String> contentTokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String word : words(text)) {
			if (!this.stopWords.contains(word) && (word.length() > 1 || !Character.isLetter(word.charAt(0)))) {
				tokens.add(stem(word));
			}
		}
		return tokens;
	}

	/**
	 * The content words as they are written, with the token each stands for:
	 * {@code [token, word]} pairs, in order.
	 */
	List<String[]> contentWords(String text) {
		List<String[]> pairs = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			String written = matcher.group().replace('’', '\'');
			String word = written.toLowerCase(Locale.ROOT);
			if (!this.stopWords.contains(word) && (word.length() > 1 || !Character.isLetter(word.charAt(0)))) {
				pairs.add(new String[] { stem(word), written });
			}
		}
		return pairs;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			words.add(matcher.group().replace('’', '\''));
		}
		return words;
	}

	/**
	 * A light, language-neutral plural and possessive folding; real stemming is left to
	 * later work.
	 */
	private static String stem(String word) {
		if (word.endsWith("'s")) {
			return word.substring(0, word.length() - 2);
		}
		if (word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

	private static Map<String, Set<String>> loadStopWords(String... languages) {
		Map<String, Set<String>> lists = new LinkedHashMap<>();
		for (String language : languages) {
			try (InputStream in = Tokenizer.class.getResourceAsStream("stopwords-" + language + ".txt")) {
				if (in == null) {
					throw new IllegalStateException("missing stop-word list for " + language);
				}
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				lists.put(language, new HashSet<>(List.of(text.toLowerCase(Locale.ROOT).trim().split("\\s+"))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return lists;
	}

}
