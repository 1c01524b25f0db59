package io.sightline.summarize.extractive;

import java.util.ArrayList;
import java.util.List;

import io.sightline.source.Segment;

/**
 * A transcript's sentences, and those of them a summary may pick: repaired
 * ({@link SpeechRepair}), of at least {@value ExtractiveSummarizer#MIN_WORDS} words and
 * {@value ExtractiveSummarizer#MIN_CONTENT_TOKENS} content tokens, each with its tokens
 * and whether it stands alone or leans on the one before it.
 *
 * @param tokenizer the tokenizer of the transcript's language
 * @param sentences every sentence, as said
 * @param candidates the sentences that may be picked, repaired, indexed from 0
 * @param tokens each candidate's content tokens
 * @param alone whether each candidate can be read without the one before it
 */
record Candidates(Tokenizer tokenizer, List<Sentence> sentences, List<Sentence> candidates, List<List<String>> tokens,
		List<Boolean> alone) {

	static Candidates of(List<Segment> segments, String language) {
		List<String> texts = segments.stream().map(Segment::text).toList();
		Tokenizer tokenizer = Tokenizer.forLanguage(language, texts.subList(0, Math.min(400, texts.size())));
		List<Sentence> sentences = SentenceSplitter.split(segments, language);
		List<Sentence> candidates = new ArrayList<>();
		List<List<String>> tokens = new ArrayList<>();
		List<Boolean> alone = new ArrayList<>();
		for (Sentence sentence : sentences) {
			String repaired = SpeechRepair.repair(sentence.text(), tokenizer);
			if (repaired == null) {
				continue;
			}
			List<String> content = tokenizer.contentTokens(repaired);
			if (SpeechRepair.words(repaired) >= ExtractiveSummarizer.MIN_WORDS
					&& content.size() >= ExtractiveSummarizer.MIN_CONTENT_TOKENS) {
				candidates.add(new Sentence(candidates.size(), repaired, sentence.startSeconds()));
				tokens.add(content);
				alone.add(!SpeechRepair.leansOnWhatCameBefore(repaired, tokenizer.language()));
			}
		}
		return new Candidates(tokenizer, sentences, candidates, tokens, alone);
	}

	/**
	 * What candidate i is worth before its centrality
	 * ({@link ExtractiveSummarizer#prior}), less when it leans on the one before it.
	 */
	double prior(int i) {
		return ExtractiveSummarizer.prior(this.tokens.get(i), this.candidates.get(i).text(), this.tokenizer)
				* (this.alone.get(i) ? 1.0 : ExtractiveSummarizer.LEANING_PENALTY);
	}

	/**
	 * The candidates a TL;DR may be made of: those that stand alone, or all when none
	 * does.
	 */
	List<Sentence> standing() {
		List<Sentence> standing = this.candidates.stream().filter((s) -> this.alone.get(s.index())).toList();
		return standing.isEmpty() ? this.candidates : standing;
	}

}
