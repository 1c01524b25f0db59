package io.sightline.library;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

	@Test
	void joinedWordsAreFoundWholeAndByTheirParts() {
		assertThat(SearchTerms.of("JavaScript TheGoodParts")).containsExactly("javascript", "java", "script",
				"thegoodpart", "good", "part");
		assertThat(SearchTerms.query("JavaScript, the GOOD parts!")).containsExactly("javascript", "good", "part");
		assertThat(SearchTerms.query("Café crème")).containsExactly("cafe", "creme");
	}

	@Test
	void aSnippetOfALongTextIsCutAroundItsFirstHitWithEveryHitMarked() {
		String text = "word ".repeat(100) + "the awful parts of JavaScript come last " + "more ".repeat(100);
		Snippet snippet = Snippets.best(SearchTerms.query("awful javascript"),
				List.of(new Snippets.Candidate("nothing here", "tldr", null),
						new Snippets.Candidate(text, "transcript", 12.0)));
		assertThat(snippet.field()).isEqualTo("transcript");
		assertThat(snippet.startSeconds()).isEqualTo(12.0);
		assertThat(snippet.text()).startsWith("…").endsWith("…").hasSizeLessThan(230);
		assertThat(snippet.highlights()).extracting((h) -> snippet.text().substring(h.start(), h.end()))
			.containsExactly("awful", "JavaScript");
	}

	@Test
	void noCandidateWithAWordOfTheQueryIsNoSnippet() {
		assertThat(Snippets.best(List.of("zebra"), List.of(new Snippets.Candidate("a horse", "tldr", null)))).isNull();
	}

	@Test
	void titleWordsWeighMoreThanWordsSaidOnce() {
		var weights = Snippets.weights("Good Parts", "Crockford", null, List.of(), List.of(), List.of());
		assertThat(weights).containsEntry("good", Snippets.TITLE).containsEntry("crockford", Snippets.CHANNEL);
	}

}
