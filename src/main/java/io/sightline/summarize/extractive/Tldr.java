package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TL;DR: the most central content, compressed. The best-ranked sentences that do not
 * repeat each other lose their asides ("I think", "for example", what is in brackets)
 * and, when still long, their last clauses, until at most two sentences of at most 50
 * words in all remain. They are the TL;DR's alone: the key points are picked from the
 * others.
 *
 * @param text the TL;DR, its sentences in time order
 * @param sources the sentences it was made from
 */
record Tldr(String text, List<Sentence> sources) {

	static final int MAX_WORDS = 50;

	static final int MAX_SENTENCES = 2;

	/** A first sentence this long is TL;DR enough. */
	static final int ENOUGH_WORDS = 25;

	/** The longest one sentence of it may be. */
	static final int MAX_SENTENCE_WORDS = 32;

	/** A sentence this similar to one already in it would repeat it. */
	static final double MAX_SIMILARITY = 0.3;

	/** How far down the ranking to look. */
	static final int MOST_TRIED = 12;

	/**
	 * Asides a sentence reads as well without; the fillers of {@link SpeechRepair} ("you
	 * know", "basically") are gone already.
	 */
	private static final Pattern ASIDE = Pattern.compile("(?iu),\\s*(?:i think|of course|for example|for instance|"
			+ "in fact|as i said|if you will|i guess|let's say|so to speak|i believe|in a way|more or less|really)"
			+ "\\s*(?=,)|\\s*\\([^)]{0,80}\\)");

	/** Where a clause may end: after a comma or semicolon, or before a conjunction. */
	private static final Pattern CLAUSE_END = Pattern
		.compile("(?iu)[,;:](?=\\s)|\\s(?=(?:and|but|because|so|which|while|where|although|whereas|since|und|aber|weil|"
				+ "y|pero|porque|et|mais|parce)\\s)");

	static Tldr of(List<Sentence> pool, Ranking graph) {
		List<Sentence> ranked = pool.stream()
			.sorted(Comparator.comparingDouble((Sentence s) -> graph.score(s.index())).reversed())
			.limit(MOST_TRIED)
			.toList();
		List<Sentence> sources = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		int words = 0;
		for (Sentence sentence : ranked) {
			if (sources.size() >= MAX_SENTENCES || words >= ENOUGH_WORDS) {
				break;
			}
			boolean repeats = sources.stream()
				.anyMatch((source) -> graph.similarity(source.index(), sentence.index()) > MAX_SIMILARITY);
			String compressed = repeats ? null
					: compress(sentence.text(), Math.min(MAX_SENTENCE_WORDS, MAX_WORDS - words));
			if (compressed != null) {
				sources.add(sentence);
				parts.add(compressed);
				words += SpeechRepair.words(compressed);
			}
		}
		if (sources.isEmpty()) {
			Sentence best = ranked.get(0);
			sources.add(best);
			parts.add(cut(best.text(), MAX_WORDS));
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingInt((Integer i) -> sources.get(i).index()));
		List<String> inOrder = order.stream().map((i) -> ExtractiveSummarizer.asSentence(parts.get(i))).toList();
		return new Tldr(String.join(" ", inOrder), List.copyOf(sources));
	}

	/**
	 * The sentence without its asides, and, if longer than {@code maxWords}, its longest
	 * run of whole clauses from the start that fits; null when not even the first clause
	 * does (or what fits is too short to say anything).
	 */
	static String compress(String sentence, int maxWords) {
		String text = ASIDE.matcher(sentence)
			.replaceAll("")
			.replaceAll("\\s+", " ")
			.replaceAll("[,;:\\s]+$", "")
			.strip();
		if (SpeechRepair.words(text) <= maxWords) {
			return text;
		}
		String best = null;
		Matcher end = CLAUSE_END.matcher(text);
		while (end.find()) {
			String prefix = text.substring(0, end.start()).strip();
			int words = SpeechRepair.words(prefix);
			if (words > maxWords) {
				break;
			}
			if (words >= SpeechRepair.MIN_WORDS) {
				best = prefix.replaceAll("[,;:\\s]+$", "");
			}
		}
		return best;
	}

	/** The first {@code maxWords} words, with an ellipsis when there were more. */
	private static String cut(String text, int maxWords) {
		String[] words = text.strip().split("\\s+");
		return (words.length <= maxWords) ? text.strip() : String.join(" ", List.of(words).subList(0, maxWords)) + "…";
	}

}
