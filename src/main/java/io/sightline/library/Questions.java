package io.sightline.library;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.sightline.source.Segment;
import io.sightline.summarize.Passage;
import io.sightline.summarize.QuestionAnswerer;
import io.sightline.summarize.SummarizerFailure;
import io.sightline.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Questions about a stored summary's video or text, answered from its transcript: the
 * passages that match best and, with a model, the model's answer from those passages
 * only. One conversation per summary, its owner's alone.
 */
@Service
public class Questions {

	private static final Logger log = LoggerFactory.getLogger(Questions.class);

	static final int MAX_QUESTION_LENGTH = 500;

	static final int PASSAGES = 5;

	private final Library library;

	private final QuestionAnswerer answerer;

	private final LibraryRepository repository;

	private final Clock clock;

	Questions(Library library, QuestionAnswerer answerer, LibraryRepository repository, Clock clock) {
		this.library = library;
		this.answerer = answerer;
		this.repository = repository;
		this.clock = clock;
	}

	/** Answers a question about the owner's summary and keeps it in the conversation. */
	public QuestionAnswer ask(UUID summaryId, String owner, String question) {
		return ask(summaryId, owner, question, null);
	}

	/**
	 * Refuses at once a question that cannot be asked (400) or a summary the owner does
	 * not have (404), before any answer is streamed.
	 */
	public void check(UUID summaryId, String owner, String question) {
		checked(question);
		this.library.get(summaryId, owner);
	}

	/**
	 * As {@link #ask(UUID, String, String)}, with the answer so far given to
	 * {@code onText} while a model writes it.
	 */
	public QuestionAnswer ask(UUID summaryId, String owner, String question, Consumer<String> onText) {
		String asked = checked(question);
		SummaryView summary = this.library.get(summaryId, owner);
		List<Segment> transcript = this.library.transcript(summaryId, owner);
		List<Passage> passages = Passages.best(transcript, asked, PASSAGES);
		String answer;
		boolean fromModel = false;
		if (passages.isEmpty()) {
			answer = "The transcript says nothing that matches this question; ask it in other words.";
		}
		else if (this.answerer.configured()) {
			try {
				answer = this.answerer.answer(summary.title(), asked, passages, onText);
				fromModel = true;
			}
			catch (SummarizerFailure modelFailed) {
				// its sentence speaks of a retry that a question does not get: the reason
				// goes to the log
				log.warn("The model could not answer a question about summary {}: {}", summaryId,
						modelFailed.getMessage());
				answer = "The model could not answer just now; ask again later, or read what the transcript says: "
						+ plainly(passages);
			}
		}
		else {
			answer = "The transcript says: " + plainly(passages);
		}
		QuestionAnswer asAnswered = new QuestionAnswer(UUID.randomUUID(), asked, answer, passages, fromModel,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.repository.insertQuestion(summaryId, owner, asAnswered);
		return asAnswered;
	}

	/** The conversation about the owner's summary, oldest first. */
	public List<QuestionAnswer> list(UUID summaryId, String owner) {
		this.library.get(summaryId, owner);
		return this.repository.questions(summaryId, owner);
	}

	private static String checked(String question) {
		String asked = (question == null) ? "" : question.strip();
		if (asked.isEmpty() || asked.length() > MAX_QUESTION_LENGTH) {
			throw ApiException.badRequest("Send a question of 1 to " + MAX_QUESTION_LENGTH
					+ " characters, such as {\"question\": \"What did they say about reviews?\"}.");
		}
		return asked;
	}

	private static String plainly(List<Passage> passages) {
		return passages.stream().map(Passage::quoted).collect(Collectors.joining(" … "));
	}

}
