package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a spoken sentence read as a written one, keeping its meaning: a cut-off start
 * ({@code Let's talk about-- A little diversion}) gives way to the longest complete part;
 * words and phrases said twice at once ("in the in the") are said once; the discourse
 * markers and fillers that open it ("So, yeah, I mean") and the tag question that closes
 * it (", right?") are taken off, and so are the hesitations and hedges inside it ("uh",
 * "you know", "kind of"); a word broken off and said again whole ("am amount") keeps only
 * the whole; a sentence broken off on an article or a preposition ("JavaScript has a.")
 * is no sentence. English, German, Spanish and French each have their markers; other
 * languages get the language-free repairs.
 */
final class SpeechRepair {

	/** A part shorter than this many words is not a sentence one can take alone. */
	static final int MIN_WORDS = 6;

	/** The longest phrase looked for as said twice. */
	private static final int LONGEST_REPEAT = 4;

	private static final Pattern CUT = Pattern.compile("\\s*(?:--+|—\\s*(?=\\p{Lu}))\\s*");

	/**
	 * The markers each language opens spoken sentences with: those that are never more
	 * than a marker there, then those that are one only when a comma follows ("Look, …"
	 * but "Look at the data", "Now, …" but "Now the team agreed").
	 */
	private static final Map<String, Pattern> LEADING = Map.of("en", leading(
			"so|and|but|or|well|okay|ok|yeah|yep|yes|alright|all right|oh|anyway|um|uh|i mean|you know|actually|"
					+ "basically|hey|hmm",
			"right|like|now|then|i think|i guess|you see|look|listen|honestly|of course|see|also"), "de",
			leading("also|und|aber|ja|na ja|naja|äh|ähm|tja|genau",
					"nun|gut|okay|ok|halt|eben|so|ich meine(?!,\\s*(?:dass|das|wie|was|ob)\\b)|"
							+ "ich denke(?!,\\s*(?:dass|das)\\b)|sagen wir mal|naja gut|doch|weißt du|wissen sie|schau|guck mal"),
			"es",
			leading("bueno|pues|o sea|vale|eh|y|pero",
					"entonces|este|bien|mira|oye|claro|vamos|digamos|es decir|sí|no sé|sabes|¿sabes\\?"),
			"fr", leading("alors|donc|bon|ben|euh|voilà|en fait|bref|et|mais|eh bien|bah|du coup",
					"enfin|quoi|ok|oui|tu vois|vous voyez|je pense|je crois|tu sais|vous savez|écoute|écoutez"));

	private static final Map<String, Pattern> TRAILING = Map.of("en",
			trailing("right|you know|okay|ok|yeah|isn't it|don't you think|or not|huh|eh|correct|see|you see|i guess"),
			"de", trailing("oder|ne|gell|nicht wahr|oder nicht|ja|weißt du|genau"), "es",
			trailing("no|verdad|vale|sabes|eh|o no|cierto"), "fr",
			trailing("non|hein|quoi|tu vois|vous voyez|n'est-ce pas|d'accord|ok"));

	/**
	 * What each language says inside a sentence that says nothing: hesitations, hedges
	 * and fillers ("um", "you know", "kind of", "basically"), with the commas around
	 * them. A phrase that is one only in some places is taken only there: "you know" but
	 * not "do you know", "kind of" but not "a kind of", "I mean" but not "what I mean".
	 */
	private static final Map<String, Pattern> FILLERS = Map
		.of("en", fillers("um|uh|uhm|erm|er|hmm|mm|mhm|tsk|basically|actually|literally|obviously|"
				+ "(?<!(?:do|did|don't|didn't|if|whether|to|would|will|could|you|they|we|i)\\s)you know"
				+ "(?!\\s+(?:that|what|how|why|where|when|who|whether|if|about)\\b)|"
				+ "(?<!(?:what|that|which|if)\\s)i mean(?!\\s+(?:that|it|to|what)\\b)|"
				+ "(?<!(?:a|the|this|that|what|some|any|one|each|every|which|same|different|other|of|these|those)\\s)"
				+ "(?:kind|sort) of|or whatever|or something like that|or something|just", "you see"), "de",
				fillers("äh|ähm|öh|hm|halt|sozusagen|quasi|irgendwie|sag ich mal", "weißt du|ich meine|wie gesagt"),
				"es", fillers("eh|em|mmm|o sea|¿sabes\\?|en plan|¿no\\?", "sabes|digamos|bueno|mira"), "fr",
				fillers("euh|heu|hein|ben|bah|en fait|du coup|"
						+ "(?<!(?:ce|le|un|du|de|quel|quelle|mon|ton|son|même|tout|leur|notre|votre)\\s)genre",
						"tu vois|vous voyez|tu sais|vous savez|disons"));

	/**
	 * The words a sentence cannot end on in each language (articles, conjunctions,
	 * possessives): one that does was broken off ("JavaScript has a."). Prepositions can
	 * end a spoken sentence ("the remote everyone asked for"), so they are not here.
	 */
	private static final Map<String, Pattern> UNFINISHED = Map.of("en",
			ending("a|an|the|and|or|but|because|than|my|your|our|their"), "de",
			ending("der|die|dem|den|des|ein|eine|einen|einem|einer|und|oder|aber|weil|wenn|dass"), "es",
			ending("el|la|los|las|un|una|del|y|o|pero|porque"), "fr",
			ending("le|la|les|un|une|des|du|et|ou|mais|parce"));

	/** A sentence that leans on the one before it for its subject. */
	private static final Map<String, Pattern> LEANING = Map.of("en",
			Pattern.compile("(?iu)^(it|it's|they|they're|he|she|them|that's|this is|these are|those are|that is|"
					+ "which|there|so that|that)\\b"),
			"de", Pattern.compile("(?iu)^(es|er|sie|das ist|dies ist|das|dann)\\b"), "es",
			Pattern.compile("(?iu)^(eso|esto|ello|lo que|él|ella|ellos)\\b"), "fr",
			Pattern.compile("(?iu)^(il|elle|ils|elles|c'est|ça|cela|ce qui)\\b"));

	/**
	 * A speaker's name opening the sentence ({@code Man: }, {@code man: } as captions
	 * write it, {@code Jane Doe: }).
	 */
	private static final Pattern SPEAKER = Pattern
		.compile("^\\p{L}[\\p{L}'’.-]{0,24}(\\s\\p{Lu}[\\p{L}'’.-]{0,24})?:\\s+");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’]*");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * Punctuation left loose by what was taken out: a space before it, two marks where
	 * one was meant (". ," or ",,"), any at the start or a comma at the end.
	 */
	private static final Pattern LOOSE_PUNCTUATION = Pattern
		.compile("\\s+(?=[,.!?;:])|[.,;]+(?=,)|(?<=[,;])[,;]+|^[,;:.\\s]+|[,;:\\s]+$");

	private SpeechRepair() {
	}

	/**
	 * The sentence repaired, or null when no part of it can be read alone (a restart
	 * whose parts are all fragments).
	 */
	static String repair(String sentence, Tokenizer tokenizer) {
		return repair(sentence, tokenizer.language(), tokenizer::isStopWord);
	}

	static String repair(String sentence, String language, Predicate<String> stopWord) {
		String text = longestPart(sentence);
		if (text == null) {
			return null;
		}
		text = tidy(SPEAKER.matcher(tidy(text)).replaceFirst(""));
		text = withoutRepeats(text);
		text = withoutBrokenWords(text, stopWord);
		String lang = key(language);
		for (int pass = 0; pass < 3; pass++) {
			String before = text;
			text = tidy(strip(LEADING.get(lang), text));
			text = tidy(strip(TRAILING.get(lang), text));
			// a filler between two copies ("the uh the") leaves them side by side
			text = tidy(withoutRepeats(FILLERS.get(lang).matcher(text).replaceAll(" ")));
			if (text.equals(before)) {
				break;
			}
		}
		return (words(text) >= MIN_WORDS && !UNFINISHED.get(lang).matcher(text).find()) ? text : null;
	}

	private static String tidy(String text) {
		return LOOSE_PUNCTUATION.matcher(SPACES.matcher(text).replaceAll(" ").strip()).replaceAll("");
	}

	/**
	 * Whether the sentence leans on the one before it ("It actually forces you…"), so a
	 * reader cannot take it alone.
	 */
	static boolean leansOnWhatCameBefore(String sentence, String language) {
		return LEANING.get(key(language)).matcher(sentence.strip()).lookingAt();
	}

	/** The opening markers the repair takes off, for checks. */
	static Pattern leadingMarkers(String language) {
		return LEADING.get(key(language));
	}

	private static String key(String language) {
		String lang = (language != null && language.length() >= 2) ? language.substring(0, 2).toLowerCase(Locale.ROOT)
				: "en";
		return LEADING.containsKey(lang) ? lang : "en";
	}

	/**
	 * The longest of the parts a cut-off start leaves, if it is long enough; a part
	 * broken off at its end ("and there's no--") loses its unfinished last clause.
	 */
	private static String longestPart(String sentence) {
		String[] parts = CUT.split(sentence, -1);
		if (parts.length == 1) {
			return sentence;
		}
		if (parts[parts.length - 1].isBlank()) {
			parts[parts.length - 2] = withoutLastClause(parts[parts.length - 2]);
		}
		String longest = null;
		for (String part : parts) {
			if (longest == null || words(part) > words(longest)) {
				longest = part;
			}
		}
		return (longest != null && words(longest) >= MIN_WORDS) ? longest.strip() : null;
	}

	private static String withoutLastClause(String part) {
		int comma = Math.max(part.lastIndexOf(','), part.lastIndexOf(';'));
		return (comma > 0 && words(part.substring(0, comma)) >= MIN_WORDS) ? part.substring(0, comma) : part;
	}

	/**
	 * Each phrase of up to four words said again at once said once ("in the in the" → "in
	 * the", "code, code, code" → "code"); compared without case and punctuation.
	 */
	static String withoutRepeats(String text) {
		List<int[]> spans = spans(text);
		List<String> words = spans.stream()
			.map((span) -> text.substring(span[0], span[1]).toLowerCase(Locale.ROOT))
			.toList();
		boolean[] dropped = new boolean[words.size()];
		List<String> kept = new ArrayList<>();
		int i = 0;
		while (i < words.size()) {
			int repeated = 0;
			for (int length = Math.min(LONGEST_REPEAT, kept.size()); length >= 1 && repeated == 0; length--) {
				if (i + length <= words.size()
						&& kept.subList(kept.size() - length, kept.size()).equals(words.subList(i, i + length))) {
					repeated = length;
				}
			}
			if (repeated > 0) {
				// the copy said again goes, the first stays
				for (int k = i; k < i + repeated; k++) {
					dropped[k] = true;
				}
				i += repeated;
			}
			else {
				kept.add(words.get(i++));
			}
		}
		StringBuilder out = new StringBuilder();
		int from = 0;
		for (int k = 0; k < spans.size(); k++) {
			if (dropped[k]) {
				// the word and what separates it from the one before
				int start = (k > 0) ? spans.get(k - 1)[1] : spans.get(k)[0];
				out.append(text, from, Math.max(from, start));
				from = spans.get(k)[1];
			}
		}
		out.append(text.substring(from));
		return out.toString();
	}

	/**
	 * A word broken off and said again whole keeps only the whole ("am amount", "wh
	 * who"): a short start of the next word.
	 */
	static String withoutBrokenWords(String text, Predicate<String> stopWord) {
		List<int[]> spans = spans(text);
		StringBuilder out = new StringBuilder();
		int from = 0;
		for (int i = 0; i + 1 < spans.size(); i++) {
			String word = text.substring(spans.get(i)[0], spans.get(i)[1]).toLowerCase(Locale.ROOT);
			String next = text.substring(spans.get(i + 1)[0], spans.get(i + 1)[1]).toLowerCase(Locale.ROOT);
			boolean between = text.substring(spans.get(i)[1], spans.get(i + 1)[0]).isBlank();
			// a whole short word ("we went", "on only") is a word, not a broken one
			if (between && word.length() < next.length() && next.startsWith(word) && word.length() <= 4
					&& word.length() > 1 && !stopWord.test(word)) {
				out.append(text, from, spans.get(i)[0]);
				from = spans.get(i + 1)[0];
			}
		}
		out.append(text.substring(from));
		return out.toString();
	}

	private static List<int[]> spans(String text) {
		List<int[]> spans = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			spans.add(new int[] { word.start(), word.end() });
		}
		return spans;
	}

	private static String strip(Pattern marker, String text) {
		Matcher matcher = marker.matcher(text);
		return matcher.find()
				? (matcher.start() == 0 ? text.substring(matcher.end()) : text.substring(0, matcher.start()) + ".")
				: text;
	}

	/**
	 * At the start, one marker or more: each a marker always (a comma, a stop or a space
	 * after it), or one only before a comma.
	 */
	private static Pattern leading(String always, String beforeComma) {
		return Pattern.compile("(?iu)^(?:(?:(?:" + always + ")(?![\\p{L}'’-])[,.!]?|(?:" + beforeComma
				+ ")(?![\\p{L}'’-])[,!])\\s*)+");
	}

	private static Pattern ending(String words) {
		return Pattern.compile("(?iu)(?<![\\p{L}'’-])(?:" + words + ")[\\s.!?…,;:\"”')]*$");
	}

	/**
	 * Fillers wherever they are, with the commas around them; and those that are fillers
	 * only as an aside, between commas or before the end ("la télécommande, vous savez,
	 * coûte" but "vous savez que").
	 */
	private static Pattern fillers(String anywhere, String asAside) {
		return Pattern.compile("(?iu)(?:,\\s*)?(?<![\\p{L}'’-])(?:" + anywhere + ")(?![\\p{L}'’-])(?:\\s*,)?|,\\s*(?:"
				+ asAside + ")(?![\\p{L}'’-])\\s*(?:,|(?=[.!?…]*$))");
	}

	/**
	 * At the end, a tag after a comma (", right.") or asked (" right?"); "that is right."
	 * keeps its word.
	 */
	private static Pattern trailing(String tags) {
		return Pattern.compile("(?iu)(?:,\\s*[¿]?(?:" + tags + ")\\s*[?.!…]*|\\s+[¿]?(?:" + tags + ")\\s*\\?+)\\s*$");
	}

	static int words(String text) {
		int count = 0;
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			count++;
		}
		return count;
	}

}
