package io.sightline.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.sightline.source.Segment;
import io.sightline.source.Thumbnails;
import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's library: list and search, one summary, its transcript, deletion. */
@Tag(name = "Library")
@RestController
class LibraryController {

	private final Library library;

	private final Owners owners;

	private final Questions questions;

	/** How long one streamed answer may take. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);

	/** Streamed answers are written here, off the request threads. */
	private final ExecutorService answering = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "question-answer");
		thread.setDaemon(true);
		return thread;
	});

	private final SummaryExport export;

	LibraryController(Library library, Questions questions, SummaryExport export, Owners owners) {
		this.library = library;
		this.export = export;
		this.questions = questions;
		this.owners = owners;
	}

	/** A question about the summary's video or text: {@code {"question": "..."}}. */
	record AskedQuestion(String question) {
	}

	@Operation(summary = "Asks a question about the summary's video or text, answered from its transcript.")
	@PostMapping("/api/summaries/{id}/questions")
	QuestionAnswer ask(@PathVariable UUID id, @RequestBody AskedQuestion asked) {
		return this.questions.ask(id, this.owners.current(), (asked != null) ? asked.question() : null);
	}

	/**
	 * The same question, answered as Server-Sent Events: {@code answer-text} events with
	 * the answer so far while a model writes it, then one {@code answer} event with the
	 * whole, as the JSON call answers it.
	 */
	@Operation(summary = "The same question, answered as Server-Sent Events while the model writes.",
			description = "Events: `answer-text` ({\"text\": the answer so far}) while a model writes, then one `answer` event with the whole answer as the JSON call gives it.")
	@PostMapping(path = "/api/summaries/{id}/questions", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter askStreamed(@PathVariable UUID id, @RequestBody AskedQuestion asked) {
		String owner = this.owners.current();
		String question = (asked != null) ? asked.question() : null;
		this.questions.check(id, owner, question);
		SseEmitter emitter = new SseEmitter(ANSWER_TIMEOUT.toMillis());
		this.answering.execute(() -> {
			try {
				QuestionAnswer answer = this.questions.ask(id, owner, question,
						(text) -> send(emitter, SseEmitter.event().name("answer-text").data(Map.of("text", text))));
				send(emitter, SseEmitter.event().name("answer").data(answer));
				emitter.complete();
			}
			catch (RuntimeException failed) {
				emitter.completeWithError(failed);
			}
		});
		return emitter;
	}

	private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException gone) {
			throw new UncheckedIOException(gone);
		}
	}

	@Operation(summary = "The conversation about a summary, oldest first.")
	@GetMapping("/api/summaries/{id}/questions")
	List<QuestionAnswer> questions(@PathVariable UUID id) {
		return this.questions.list(id, this.owners.current());
	}

	@Operation(summary = "The caller's library, or a word search over it, with filters, sort and pages.",
			description = "q finds entries with every word in a title, channel, TL;DR, key point, chapter or transcript (prefixes too), best first, each with a snippet whose highlights mark the words found.")
	@GetMapping("/api/library")
	LibraryPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) String summarizer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.library.page(this.owners.current(), q, type, summarizer, since, sort, page, size);
	}

	/**
	 * The caller's newest summary of the source at this address, if there is one (a list
	 * of none or one): what a client offers before summarizing it again.
	 */
	@Operation(summary = "The caller's newest summary of the source at an address, whatever form the address is in.")
	@GetMapping("/api/summaries")
	List<Version> existing(@RequestParam("source_url") String sourceUrl) {
		return this.library.existing(this.owners.current(), sourceUrl).stream().toList();
	}

	/** The summaries of the same source made with the same options, newest first. */
	@Operation(summary = "The summaries of the same source made with the same options, newest first.")
	@GetMapping("/api/summaries/{id}/versions")
	List<Version> versions(@PathVariable UUID id) {
		return this.library.versions(id, this.owners.current());
	}

	/** A new title: {@code {"title": "..."}}. */
	record Rename(String title) {
	}

	@Operation(summary = "Gives a summary a new title.")
	@PatchMapping("/api/summaries/{id}")
	SummaryView rename(@PathVariable UUID id, @RequestBody Rename rename) {
		return this.library.rename(id, this.owners.current(), (rename != null) ? rename.title() : null);
	}

	@Operation(summary = "One summary: TL;DR, key points with their times, chapters, who made it and what it cost.")
	@GetMapping("/api/summaries/{id}")
	SummaryView get(@PathVariable UUID id) {
		return this.library.get(id, this.owners.current());
	}

	@Operation(summary = "The transcript a summary was made from, in timed segments.")
	@GetMapping("/api/summaries/{id}/transcript")
	List<Segment> transcript(@PathVariable UUID id) {
		return this.library.transcript(id, this.owners.current());
	}

	/** The summary and its transcript, as one JSON document. */
	@Operation(summary = "A summary and its transcript, as one JSON document.")
	@GetMapping("/api/summaries/{id}/export")
	SummaryExport.SummaryAndTranscript export(@PathVariable UUID id) {
		return this.export.document(id, this.owners.current());
	}

	/**
	 * The summary as a Markdown file to download: its source, channel and date, its
	 * chapters and key points with their times linked to the video.
	 */
	@Operation(summary = "A summary as a Markdown file to download, its times linked to the video.")
	@GetMapping(path = "/api/summaries/{id}/markdown", produces = "text/markdown;charset=UTF-8")
	ResponseEntity<String> markdown(@PathVariable UUID id) {
		SummaryExport.MarkdownFile file = this.export.markdownFile(id, this.owners.current());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.body(file.text());
	}

	/**
	 * The picture Sightline kept of the summary's source; it never changes, so browsers
	 * keep it.
	 */
	@Operation(summary = "The picture Sightline kept of the summary's source.")
	@GetMapping("/api/summaries/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
		Thumbnails.Image image = this.library.thumbnail(id, this.owners.current());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.mediaType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
			.body(image.bytes());
	}

	@Operation(summary = "Deletes a summary and its transcript.")
	@DeleteMapping("/api/summaries/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.library.delete(id, this.owners.current());
	}

}
