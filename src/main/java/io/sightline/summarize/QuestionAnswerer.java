package io.sightline.summarize;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the answer to a question about a video or text from the passages of its
 * transcript that match it best, and from nothing else. Only a model can; without one the
 * passages are the answer.
 */
public interface QuestionAnswerer {

	/** Whether this server has a model to write answers with. */
	boolean configured();

	/**
	 * The answer, citing the passages' times as {@code [m:ss]}; {@code onText}, where
	 * given, gets the answer so far while the model writes it.
	 * @throws SummarizerFailure if the model could not answer
	 */
	String answer(String title, String question, List<Passage> passages, Consumer<String> onText);

}
