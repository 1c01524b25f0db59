package io.sightline.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer as NLTK runs it by default ({@code NLTK_EXTENSIONS} mode), which is
 * what Google's rouge-score applies to tokens longer than three characters. Written from
 * the algorithm's description (Porter 1980) and NLTK's documented departures: irregular
 * forms, the four-letter {@code -ies}/{@code -ied} rule, {@code y→i} only after a
 * consonant that is not the first letter, {@code -bli→-ble}, {@code -alli},
 * {@code -fulli} and {@code -logi}.
 */
final class PorterStemmer {

	private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("skies", "sky"),
			Map.entry("sky", "sky"), Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
			Map.entry("news", "news"), Map.entry("innings", "inning"), Map.entry("inning", "inning"),
			Map.entry("outings", "outing"), Map.entry("outing", "outing"), Map.entry("cannings", "canning"),
			Map.entry("canning", "canning"), Map.entry("howe", "howe"), Map.entry("proceed", "proceed"),
			Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));

	private record Rule(String suffix, String replacement, Predicate<String> condition) {
	}

	private PorterStemmer() {
	}

	static String stem(String word) {
		String stem = word.toLowerCase(Locale.ROOT);
		String irregular = IRREGULAR.get(stem);
		if (irregular != null) {
			return irregular;
		}
		if (stem.length() <= 2) {
			return stem;
		}
		stem = step1a(stem);
		stem = step1b(stem);
		stem = step1c(stem);
		stem = step2(stem);
		stem = step3(stem);
		stem = step4(stem);
		stem = step5a(stem);
		return step5b(stem);
	}

	private static boolean consonant(String word, int i) {
		char letter = word.charAt(i);
		if ("aeiou".indexOf(letter) >= 0) {
			return false;
		}
		if (letter == 'y') {
			return i == 0 || !consonant(word, i - 1);
		}
		return true;
	}

	/** m in [C](VC)^m[V]: the number of vowel-consonant runs. */
	static int measure(String stem) {
		int m = 0;
		boolean previousVowel = false;
		for (int i = 0; i < stem.length(); i++) {
			boolean vowel = !consonant(stem, i);
			if (!vowel && previousVowel) {
				m++;
			}
			previousVowel = vowel;
		}
		return m;
	}

	private static boolean containsVowel(String stem) {
		for (int i = 0; i < stem.length(); i++) {
			if (!consonant(stem, i)) {
				return true;
			}
		}
		return false;
	}

	private static boolean endsDoubleConsonant(String word) {
		int n = word.length();
		return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && consonant(word, n - 1);
	}

	private static boolean endsCvc(String word) {
		int n = word.length();
		if (n >= 3 && consonant(word, n - 3) && !consonant(word, n - 2) && consonant(word, n - 1)) {
			return "wxy".indexOf(word.charAt(n - 1)) < 0;
		}
		return n == 2 && !consonant(word, 0) && consonant(word, 1);
	}

	private static String cut(String word, String suffix) {
		return word.substring(0, word.length() - suffix.length());
	}

	/**
	 * The first rule whose suffix matches decides: its replacement if its condition
	 * holds, else the word unchanged.
	 */
	private static String apply(String word, List<Rule> rules) {
		for (Rule rule : rules) {
			if (rule.suffix().equals("*d")) {
				if (endsDoubleConsonant(word)) {
					String stem = word.substring(0, word.length() - 2);
					return (rule.condition() == null || rule.condition().test(stem)) ? stem + rule.replacement() : word;
				}
				continue;
			}
			if (word.endsWith(rule.suffix())) {
				String stem = cut(word, rule.suffix());
				return (rule.condition() == null || rule.condition().test(stem)) ? stem + rule.replacement() : word;
			}
		}
		return word;
	}

	private static boolean positive(String stem) {
		return measure(stem) > 0;
	}

	private static boolean aboveOne(String stem) {
		return measure(stem) > 1;
	}

	private static String step1a(String word) {
		if (word.endsWith("ies") && word.length() == 4) {
			return cut(word, "ies") + "ie";
		}
		return apply(word, List.of(new Rule("sses", "ss", null), new Rule("ies", "i", null), new Rule("ss", "ss", null),
				new Rule("s", "", null)));
	}

	private static String step1b(String word) {
		if (word.endsWith("ied")) {
			return cut(word, "ied") + ((word.length() == 4) ? "ie" : "i");
		}
		if (word.endsWith("eed")) {
			String stem = cut(word, "eed");
			return (measure(stem) > 0) ? stem + "ee" : word;
		}
		String intermediate = null;
		for (String suffix : List.of("ed", "ing")) {
			if (word.endsWith(suffix)) {
				String stem = cut(word, suffix);
				if (containsVowel(stem)) {
					intermediate = stem;
					break;
				}
			}
		}
		if (intermediate == null) {
			return word;
		}
		String last = intermediate.substring(intermediate.length() - 1);
		return apply(intermediate,
				List.of(new Rule("at", "ate", null), new Rule("bl", "ble", null), new Rule("iz", "ize", null),
						new Rule("*d", last, (stem) -> !"lsz".contains(last)),
						new Rule("", "e", (stem) -> measure(stem) == 1 && endsCvc(stem))));
	}

	private static String step1c(String word) {
		return apply(word,
				List.of(new Rule("y", "i", (stem) -> stem.length() > 1 && consonant(stem, stem.length() - 1))));
	}

	private static String step2(String word) {
		if (word.endsWith("alli") && positive(cut(word, "alli"))) {
			return step2(cut(word, "alli") + "al");
		}
		return apply(word, List.of(new Rule("ational", "ate", PorterStemmer::positive),
				new Rule("tional", "tion", PorterStemmer::positive), new Rule("enci", "ence", PorterStemmer::positive),
				new Rule("anci", "ance", PorterStemmer::positive), new Rule("izer", "ize", PorterStemmer::positive),
				new Rule("bli", "ble", PorterStemmer::positive), new Rule("alli", "al", PorterStemmer::positive),
				new Rule("entli", "ent", PorterStemmer::positive), new Rule("eli", "e", PorterStemmer::positive),
				new Rule("ousli", "ous", PorterStemmer::positive), new Rule("ization", "ize", PorterStemmer::positive),
				new Rule("ation", "ate", PorterStemmer::positive), new Rule("ator", "ate", PorterStemmer::positive),
				new Rule("alism", "al", PorterStemmer::positive), new Rule("iveness", "ive", PorterStemmer::positive),
				new Rule("fulness", "ful", PorterStemmer::positive),
				new Rule("ousness", "ous", PorterStemmer::positive), new Rule("aliti", "al", PorterStemmer::positive),
				new Rule("iviti", "ive", PorterStemmer::positive), new Rule("biliti", "ble", PorterStemmer::positive),
				new Rule("fulli", "ful", PorterStemmer::positive),
				new Rule("logi", "log", (stem) -> positive(word.substring(0, word.length() - 3)))));
	}

	private static String step3(String word) {
		return apply(word, List.of(new Rule("icate", "ic", PorterStemmer::positive),
				new Rule("ative", "", PorterStemmer::positive), new Rule("alize", "al", PorterStemmer::positive),
				new Rule("iciti", "ic", PorterStemmer::positive), new Rule("ical", "ic", PorterStemmer::positive),
				new Rule("ful", "", PorterStemmer::positive), new Rule("ness", "", PorterStemmer::positive)));
	}

	private static String step4(String word) {
		Predicate<String> m = PorterStemmer::aboveOne;
		return apply(word,
				List.of(new Rule("al", "", m), new Rule("ance", "", m), new Rule("ence", "", m), new Rule("er", "", m),
						new Rule("ic", "", m), new Rule("able", "", m), new Rule("ible", "", m), new Rule("ant", "", m),
						new Rule("ement", "", m), new Rule("ment", "", m), new Rule("ent", "", m),
						new Rule("ion", "",
								(stem) -> aboveOne(stem) && !stem.isEmpty()
										&& "st".indexOf(stem.charAt(stem.length() - 1)) >= 0),
						new Rule("ou", "", m), new Rule("ism", "", m), new Rule("ate", "", m), new Rule("iti", "", m),
						new Rule("ous", "", m), new Rule("ive", "", m), new Rule("ize", "", m)));
	}

	private static String step5a(String word) {
		if (word.endsWith("e")) {
			String stem = cut(word, "e");
			if (measure(stem) > 1 || (measure(stem) == 1 && !endsCvc(stem))) {
				return stem;
			}
		}
		return word;
	}

	private static String step5b(String word) {
		return apply(word, List.of(new Rule("ll", "l", (stem) -> measure(word.substring(0, word.length() - 1)) > 1)));
	}

}
