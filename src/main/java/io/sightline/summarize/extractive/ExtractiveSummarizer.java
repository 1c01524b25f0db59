package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.sightline.source.Chapter;
import io.sightline.source.Transcript;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.Summarizer;
import io.sightline.summarize.SummarizerFailure;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.SummaryMarkdown;
import io.sightline.summarize.SummaryProgress;
import io.sightline.summarize.SummaryRequest;
import io.sightline.summarize.TranscriptNotes;

import org.springframework.stereotype.Component;

/**
 * The offline default: spoken sentences repaired ({@link SpeechRepair}) and ranked by
 * LexRank; the TL;DR made from the most central ones, compressed ({@link Tldr}); the key
 * points picked from the others with maximal marginal relevance, so that they repeat
 * neither each other nor the TL;DR, then put back in time order; chapters found where a
 * long timed transcript's vocabulary shifts ({@link TopicSegmenter}) when the source has
 * none.
 */
@Component
class ExtractiveSummarizer implements Summarizer {

	static final int MIN_WORDS = 6;

	static final int MIN_CONTENT_TOKENS = 3;

	static final double RELEVANCE_WEIGHT = 0.7;

	static final int SUBSTANTIAL_TOKENS = 16;

	/**
	 * How much of its rank a sentence that leans on the one before it ("It actually
	 * forces you…") keeps: it is picked only when it says much more than the others.
	 */
	static final double LEANING_PENALTY = 0.8;

	/**
	 * How much each conversational word (I, you, we, yeah, okay, gonna…) per word of a
	 * sentence lowers its rank.
	 */
	static final double CONVERSATIONAL_PENALTY = 2.5;

	private static final Map<String, Pattern> CONVERSATIONAL = Map.of("en",
			words("i|i'm|i've|i'd|i'll|you|you're|me|my|we|we're|gonna|wanna|yeah|okay|um|uh"), "de",
			words("ich|du|wir|mir|mich|mein|meine|dir|dich|ja|okay|äh|ähm|naja"), "es",
			words("yo|tú|me|mi|mis|te|nosotros|vale|eh|bueno|vamos"), "fr",
			words("je|j|tu|moi|me|m|mon|ma|mes|nous|on|ouais|euh|ok|bon"));

	/**
	 * How much a sentence's share of articles raises its rank: e to the weight times the
	 * share, so a sentence with one word in five an article ranks 2.2 times one with
	 * none.
	 */
	static final double DESCRIPTIVENESS_WEIGHT = 4.0;

	/** A sentence shorter than this counts as this long for its share of articles. */
	static final int SHORTEST_DESCRIPTION = 10;

	private static final Map<String, Pattern> ARTICLES = Map.of("en", words("the|a|an"), "de",
			words("der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines"), "es",
			words("el|la|los|las|un|una|unos|unas|del|al"), "fr", words("le|la|les|l|un|une|des|du|au|aux"));

	/**
	 * A sentence this similar to one already picked says nothing new and is never picked.
	 */
	static final double MAX_REDUNDANCY = 0.6;

	@Override
	public String name() {
		return "extractive";
	}

	@Override
	public SummaryDocument summarize(SummaryRequest request, SummaryProgress progress) {
		Transcript transcript = request.transcript();
		progress.advanced(0.05, "Finding sentences...");
		Candidates found = Candidates.of(transcript.segments(), request.language());
		List<Sentence> candidates = found.candidates();
		if (candidates.isEmpty()) {
			throw SummarizerFailure.permanent("summarize.no_sentences",
					"The transcript has no full sentences to summarize; upload a longer or more complete transcript.");
		}
		progress.advanced(0.25, "Ranking " + candidates.size() + " sentences...");
		SentenceGraph graph = SentenceGraph.rank(found.tokens(), found::prior);
		progress.advanced(0.7, "Picking key points...");
		// the TL;DR is read alone: it takes no sentence that leans on the one before it
		Tldr tldr = Tldr.of(found.standing(), graph);
		List<Sentence> rest = candidates.stream().filter((s) -> !tldr.sources().contains(s)).toList();
		// a transcript of a sentence or two has nothing but its TL;DR to say again
		List<Sentence> picked = rest.isEmpty() ? pick(candidates, graph, request.length().keyPoints())
				: pick(rest, graph, request.length().keyPoints(), tldr.sources());
		List<KeyPoint> keyPoints = picked.stream()
			.sorted(Comparator.comparingInt(Sentence::index))
			.map((s) -> new KeyPoint(asSentence(s.text()), s.startSeconds()))
			.toList();
		progress.advanced(0.9, "Finding chapters...");
		List<Chapter> chapters = request.chapters().isEmpty() ? chapters(found.sentences(), found.tokenizer())
				: List.of();
		List<Chapter> shown = request.chapters().isEmpty() ? chapters : request.chapters();
		progress.advanced(1.0, "Summary ready to save");
		return new SummaryDocument(request.title(), tldr.text(), keyPoints,
				SummaryMarkdown.render(request.title(), tldr.text(), keyPoints, shown, TranscriptNotes.of(transcript)),
				name(), null, null, chapters);
	}

	/** The chapters of a long timed transcript, from all its sentences. */
	private static List<Chapter> chapters(List<Sentence> sentences, Tokenizer tokenizer) {
		List<List<String[]>> words = sentences.stream().map((s) -> tokenizer.contentWords(s.text())).toList();
		return TopicSegmenter.chapters(sentences, words);
	}

	/**
	 * Centrality alone favours short, generic lines ("People have ideas all the time.");
	 * a sentence with more content words carries more of the talk, up to a point.
	 */
	static double substance(List<String> tokens) {
		return Math.sqrt(Math.min(tokens.size(), SUBSTANTIAL_TOKENS) / (double) SUBSTANTIAL_TOKENS);
	}

	/**
	 * What a sentence is worth before its centrality: its substance, how much it
	 * describes rather than talks around ({@link #articleShare}) and its plainness.
	 */
	static double prior(List<String> tokens, String text, Tokenizer tokenizer) {
		return substance(tokens) * plainness(text, tokenizer.language())
				* Math.exp(DESCRIPTIVENESS_WEIGHT * articleShare(text, tokenizer.language()));
	}

	/**
	 * The share of a sentence's words that are articles ("the", "a"; "der", "eine";
	 * "los", "una"; "les", "une"). Without a part-of-speech tagger, it tells a sentence
	 * that describes things ("The remote has a menu button on the side") from one that
	 * talks around them ("So we could, yeah, we could do that").
	 */
	static double articleShare(String text, String language) {
		// a fragment ("The system, not the pharmacy.") describes little however many
		// articles it has
		int words = SpeechRepair.words(text);
		long articles = ARTICLES.getOrDefault(language, ARTICLES.get("en")).matcher(text).results().count();
		return articles / (double) Math.max(words, SHORTEST_DESCRIPTION);
	}

	/**
	 * Spoken chit-chat ("I think we, yeah, we could…") ranks high by centrality yet
	 * reports little; a sentence loses rank with the share of its words that are first-
	 * and second-person pronouns and conversational markers (in the transcript's
	 * language), so statements about the subject are preferred.
	 */
	static double plainness(String text, String language) {
		int words = text.split("\\s+").length;
		long conversational = CONVERSATIONAL.getOrDefault(language, CONVERSATIONAL.get("en"))
			.matcher(text)
			.results()
			.count();
		return Math.max(0.05, 1 - CONVERSATIONAL_PENALTY * conversational / words);
	}

	/**
	 * Maximal marginal relevance: each pick trades rank against similarity to what is
	 * picked already.
	 */
	static List<Sentence> pick(List<Sentence> candidates, Ranking graph, int wanted) {
		return pick(candidates, graph, wanted, List.of());
	}

	/**
	 * The same, as if {@code already} were picked (the TL;DR's sentences): the picks do
	 * not repeat them, and they are not among the picks.
	 */
	static List<Sentence> pick(List<Sentence> candidates, Ranking graph, int wanted, List<Sentence> already) {
		double top = candidates.stream().mapToDouble((s) -> graph.score(s.index())).max().orElse(1);
		List<Sentence> remaining = new ArrayList<>(candidates);
		List<Sentence> picked = new ArrayList<>(already);
		while (picked.size() < wanted + already.size() && !remaining.isEmpty()) {
			Sentence best = null;
			double bestValue = Double.NEGATIVE_INFINITY;
			for (Sentence candidate : remaining) {
				double redundancy = 0;
				for (Sentence chosen : picked) {
					redundancy = Math.max(redundancy, graph.similarity(candidate.index(), chosen.index()));
				}
				if (redundancy >= MAX_REDUNDANCY) {
					continue;
				}
				double value = RELEVANCE_WEIGHT * graph.score(candidate.index()) / top
						- (1 - RELEVANCE_WEIGHT) * redundancy;
				if (value > bestValue) {
					bestValue = value;
					best = candidate;
				}
			}
			if (best == null) {
				break;
			}
			picked.add(best);
			remaining.remove(best);
		}
		return picked.subList(already.size(), picked.size());
	}

	private static Pattern words(String alternatives) {
		return Pattern.compile("(?iu)(?<![\\p{L}'’])(?:" + alternatives + ")(?![\\p{L}-])");
	}

	static String asSentence(String text) {
		String trimmed = text.strip();
		String capitalized = trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
		char last = capitalized.charAt(capitalized.length() - 1);
		return (".!?…\"”')".indexOf(last) >= 0) ? capitalized : capitalized + ".";
	}

}
