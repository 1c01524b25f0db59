package io.sightline.summarize.llm;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.sightline.model.ChatAnswer;
import io.sightline.summarize.Passage;
import io.sightline.summarize.QuestionAnswerer;
import io.sightline.summarize.SummarizerFailure;

/**
 * Answers questions about a transcript with the configured model, from given passages
 * only.
 */
final class LlmAnswerer implements QuestionAnswerer {

	private static final String PROMPT = Prompts.load("answer");

	private static final String SYSTEM = Prompts.load("system");

	/** Null when no model is configured. */
	private final ModelCalls calls;

	LlmAnswerer(ModelCalls calls) {
		this.calls = calls;
	}

	@Override
	public boolean configured() {
		return this.calls != null;
	}

	@Override
	public String answer(String title, String question, List<Passage> passages, Consumer<String> onText) {
		if (this.calls == null) {
			throw SummarizerFailure.permanent("summarize.not_configured",
					"Answers need a model and this server has none configured; the passages are the answer.");
		}
		String lines = passages.stream().map(Passage::quoted).collect(Collectors.joining("\n"));
		String prompt = PROMPT.replace("{{title}}", title)
			.replace("{{passages}}", lines)
			.replace("{{question}}", question);
		ChatAnswer answer = this.calls.askText(SYSTEM, prompt, onText);
		return answer.text().strip();
	}

}
