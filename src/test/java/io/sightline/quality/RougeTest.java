package io.sightline.quality;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ROUGE on cases worked out by hand, and the stemmer on the standard examples of Porter's
 * paper and NLTK.
 */
class RougeTest {

	@ParameterizedTest
	@CsvSource({ "caresses,caress", "ponies,poni", "ties,tie", "cats,cat", "feed,feed", "agreed,agre",
			"plastered,plaster", "motoring,motor", "sing,sing", "conflated,conflat", "hopping,hop", "falling,fall",
			"filing,file", "happy,happi", "relational,relat", "conditional,condit", "rational,ration", "valenci,valenc",
			"digitizer,digit", "triplicate,triplic", "hopeful,hope", "goodness,good", "revival,reviv",
			"allowance,allow", "adoption,adopt", "controll,control", "roll,roll", "skies,sky", "dying,die",
			"running,run", "meetings,meet", "generalization,gener", "died,die", "cried,cri" })
	void stemsAsPorterAndNltkDo(String word, String stem) {
		assertThat(PorterStemmer.stem(word)).isEqualTo(stem);
	}

	@Test
	void tokensAreLowerCasedSplitOnNonAlphanumericsAndStemmedAboveThreeLetters() {
		assertThat(Rouge.tokens("Hello, WORLD! It was 2 cats' meetings...")).containsExactly("hello", "world", "it",
				"was", "2", "cat", "meet");
		assertThat(Rouge.tokens(" ,;: ")).isEmpty();
	}

	@Test
	void identicalTextsScoreOne() {
		Rouge.Scores scores = Rouge.score("The team agreed on the budget.", "the team agreed on the budget");
		assertThat(scores.rouge1()).isEqualTo(1.0);
		assertThat(scores.rouge2()).isEqualTo(1.0);
		assertThat(scores.rougeL()).isEqualTo(1.0);
	}

	@Test
	void aDroppedWordByHand() {
		// ref: the cat sat on the mat (6 tokens, 5 bigrams); candidate: the cat on the
		// mat (5 tokens, 4 bigrams)
		Rouge.Scores scores = Rouge.score("the cat sat on the mat", "the cat on the mat");
		assertThat(scores.rouge1()).isCloseTo(2 * 1.0 * (5.0 / 6) / (1 + 5.0 / 6), within(1e-9)); // 0.909
		assertThat(scores.rouge2()).isCloseTo(2 * 0.75 * 0.6 / (0.75 + 0.6), within(1e-9)); // 3
																							// shared
																							// bigrams:
																							// 0.667
		assertThat(scores.rougeL()).isCloseTo(2 * 1.0 * (5.0 / 6) / (1 + 5.0 / 6), within(1e-9)); // LCS
																									// 5
	}

	@Test
	void stemmingMatchesInflectionsAndOrderMattersOnlyForBigramsAndLcs() {
		// candidate: run meet; reference: the meet run
		Rouge.Scores scores = Rouge.score("The meeting runs", "running meetings");
		assertThat(scores.rouge1()).isCloseTo(0.8, within(1e-9)); // P 2/2, R 2/3
		assertThat(scores.rouge2()).isZero();
		assertThat(scores.rougeL()).isCloseTo(0.4, within(1e-9)); // LCS 1: P 1/2, R 1/3
	}

	@Test
	void repeatedWordsAreClippedToTheReferenceCount() {
		// candidate: the the the the (4); reference: the cat (2): overlap min(4,1) = 1
		assertThat(Rouge.rougeN(List.of("the", "cat"), List.of("the", "the", "the", "the"), 1))
			.isCloseTo(2 * 0.25 * 0.5 / 0.75, within(1e-9));
		assertThat(Rouge.score("", "anything").rouge1()).isZero();
	}

	@Test
	void lcsIsTheLongestCommonSubsequence() {
		assertThat(Rouge.lcs(List.of("a", "b", "c", "d", "e"), List.of("a", "x", "c", "e", "b"))).isEqualTo(3);
	}

}
