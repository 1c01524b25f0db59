package io.sightline.library;

import java.util.List;
import java.util.UUID;

import io.sightline.source.Segment;
import io.sightline.system.Owners;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's library: list and search, one summary, its transcript, deletion. */
@RestController
class LibraryController {

	private final Library library;

	private final Owners owners;

	private final Questions questions;

	LibraryController(Library library, Questions questions, Owners owners) {
		this.library = library;
		this.questions = questions;
		this.owners = owners;
	}

	/** A question about the summary's video or text: {@code {"question": "..."}}. */
	record AskedQuestion(String question) {
	}

	@PostMapping("/api/summaries/{id}/questions")
	QuestionAnswer ask(@PathVariable UUID id, @RequestBody AskedQuestion asked) {
		return this.questions.ask(id, this.owners.current(), (asked != null) ? asked.question() : null);
	}

	@GetMapping("/api/summaries/{id}/questions")
	List<QuestionAnswer> questions(@PathVariable UUID id) {
		return this.questions.list(id, this.owners.current());
	}

	@GetMapping("/api/library")
	LibraryPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.library.page(this.owners.current(), q, page, size);
	}

	@GetMapping("/api/summaries/{id}")
	SummaryView get(@PathVariable UUID id) {
		return this.library.get(id, this.owners.current());
	}

	@GetMapping("/api/summaries/{id}/transcript")
	List<Segment> transcript(@PathVariable UUID id) {
		return this.library.transcript(id, this.owners.current());
	}

	@DeleteMapping("/api/summaries/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.library.delete(id, this.owners.current());
	}

}
