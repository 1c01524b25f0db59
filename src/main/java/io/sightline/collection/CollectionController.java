package io.sightline.collection;

import java.util.UUID;

import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A collection of the caller's: the list it was read from and where each item stands. */
@Tag(name = "Collections")
@RestController
class CollectionController {

	private final Collections collections;

	private final CollectionExport export;

	private final Owners owners;

	CollectionController(Collections collections, CollectionExport export, Owners owners) {
		this.collections = collections;
		this.export = export;
		this.owners = owners;
	}

	@Operation(
			summary = "A playlist's, channel's or feed's collection: its items, each with its task's state and summary.")
	@GetMapping("/api/collections/{id}")
	CollectionView collection(@PathVariable UUID id) {
		return this.collections.view(id, this.owners.current());
	}

	/**
	 * Deletes the collection and the summaries it made; {@code 409} while it is being
	 * summarized.
	 */
	@Operation(
			summary = "Deletes a collection and the summaries it made (not those it only linked); 409 while it runs.")
	@DeleteMapping("/api/collections/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.collections.delete(id, this.owners.current());
		return ResponseEntity.noContent().build();
	}

	/** The collection and every video's summary, as one JSON document. */
	@Operation(summary = "A collection and every item's summary, as one JSON document.")
	@GetMapping("/api/collections/{id}/export")
	CollectionExport.Document export(@PathVariable UUID id) {
		return this.export.document(id, this.owners.current());
	}

	/** Every video's summary under its title, as one Markdown file to download. */
	@Operation(summary = "A collection as one Markdown file to download.")
	@GetMapping(path = "/api/collections/{id}/markdown", produces = "text/markdown;charset=UTF-8")
	ResponseEntity<String> markdown(@PathVariable UUID id) {
		String markdown = this.export.markdown(id, this.owners.current());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("collection-" + id + ".md").build().toString())
			.body(markdown);
	}

}
