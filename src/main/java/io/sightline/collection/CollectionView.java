package io.sightline.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A collection as clients see it ({@code GET /api/collections/{id}}): the list it was
 * read from and each item with its own task's state, or its outcome once the collection
 * completed.
 *
 * @param id the collection
 * @param taskId the task that lists the items and follows them
 * @param kind {@code playlist} or {@code channel}; null until the list is read
 * @param title the list's title (its address until the list is read)
 * @param url the list's address
 * @param createdAt when it was asked for
 * @param listedAt when the list was read and its items made, or null
 * @param completedAt when every item had ended, or null
 * @param items in the list's order
 */
public record CollectionView(UUID id, UUID taskId, String kind, String title, String url, Instant createdAt,
		Instant listedAt, Instant completedAt, List<Item> items) {

	/**
	 * One item: what the list said of it and where its summary stands.
	 *
	 * @param position from 1, in the list's order
	 * @param url the item's address
	 * @param title its title as the list shows it
	 * @param durationSeconds its length, where the list says
	 * @param taskId its task
	 * @param summaryId where its summary is (once {@code status} is {@code completed})
	 * @param status {@code processing}, {@code completed}, {@code error} or
	 * {@code cancelled}
	 * @param progress its bar
	 * @param stage what it does now, a sentence
	 * @param failureCode why it failed, where it did
	 * @param error its failure's sentence
	 */
	public record Item(int position, String url, String title, Integer durationSeconds, UUID taskId, UUID summaryId,
			String status, int progress, String stage, String failureCode, String error) {
	}

}
