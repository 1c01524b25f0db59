package io.sightline.collection;

import java.util.UUID;

import io.sightline.system.Owners;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A collection of the caller's: the list it was read from and where each item stands. */
@RestController
class CollectionController {

	private final Collections collections;

	private final Owners owners;

	CollectionController(Collections collections, Owners owners) {
		this.collections = collections;
		this.owners = owners;
	}

	@GetMapping("/api/collections/{id}")
	CollectionView collection(@PathVariable UUID id) {
		return this.collections.view(id, this.owners.current());
	}

}
