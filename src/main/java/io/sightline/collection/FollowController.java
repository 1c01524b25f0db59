package io.sightline.collection;

import java.util.List;
import java.util.UUID;

import io.sightline.system.ApiException;
import io.sightline.system.Owners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's follows: made by {@code POST /api/summaries} with {@code "follow": true};
 * listed, paused, resumed and removed here.
 */
@Tag(name = "Follows")
@RestController
class FollowController {

	private final Follows follows;

	private final Owners owners;

	FollowController(Follows follows, Owners owners) {
		this.follows = follows;
		this.owners = owners;
	}

	@Operation(summary = "The caller's followed channels and feeds.")
	@GetMapping("/api/follows")
	List<FollowView> list() {
		return this.follows.list(this.owners.current());
	}

	@Operation(summary = "One follow.")
	@GetMapping("/api/follows/{id}")
	FollowView get(@PathVariable UUID id) {
		return this.follows.get(id, this.owners.current());
	}

	/** {@code {"paused": true}} pauses the follow, {@code false} resumes it. */
	@Operation(summary = "Pauses or resumes a follow: {\"paused\": true|false}.")
	@PatchMapping("/api/follows/{id}")
	FollowView change(@PathVariable UUID id, @RequestBody Change change) {
		if (change == null || change.paused() == null) {
			throw ApiException
				.badRequest("Send {\"paused\": true} to pause the follow or {\"paused\": false} to" + " resume it.");
		}
		return this.follows.pause(id, this.owners.current(), change.paused());
	}

	/** Stops following; the collections it made stay in the library. */
	@Operation(summary = "Stops following; the collections it made stay.")
	@DeleteMapping("/api/follows/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		this.follows.remove(id, this.owners.current());
		return ResponseEntity.noContent().build();
	}

	/** The body of a change: whether the follow is paused. */
	record Change(Boolean paused) {
	}

}
