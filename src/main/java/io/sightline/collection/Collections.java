package io.sightline.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.sightline.library.Library;
import io.sightline.source.Listing;
import io.sightline.system.ApiException;
import io.sightline.task.ChildTask;
import io.sightline.task.Tasks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collections of the library: a playlist or channel read once, its items each
 * summarized by a task of their own. Made with the collection's task, filled in when the
 * list is read (in the transaction that makes the items' tasks), and completed with each
 * item's outcome when the last one ends, since finished tasks expire while the collection
 * stays.
 */
@Service
public class Collections {

	private final JdbcClient jdbc;

	private final Tasks tasks;

	private final Library library;

	Collections(JdbcClient jdbc, Tasks tasks, Library library) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.library = library;
	}

	/** An item of a new collection: what the list said of it, and its task. */
	public record NewItem(Listing.ListedItem listed, UUID taskId, UUID summaryId) {
	}

	/**
	 * Keeps a new collection of the list at {@code url}, not read yet, in the caller's
	 * transaction (the one that makes its task).
	 */
	public void create(UUID id, String owner, UUID taskId, String url, Instant now) {
		create(id, owner, taskId, url, now, null);
	}

	/**
	 * Keeps a new collection as {@link #create(UUID, String, UUID, String, Instant)},
	 * made for the follow {@code followId} (null: for a request).
	 */
	public void create(UUID id, String owner, UUID taskId, String url, Instant now, UUID followId) {
		this.jdbc
			.sql("INSERT INTO collections (id, owner, task_id, title, url, started, created_at, follow_id)"
					+ " VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
			.params(id, owner, taskId, clip(url, 1000), url, utc(now), followId)
			.update();
	}

	/**
	 * Keeps what the list said: its kind, title and address, and its items, in the
	 * caller's transaction; {@code started} of them, the first, have their jobs.
	 */
	public void listed(UUID id, Listing listing, List<NewItem> items, int started, Instant now) {
		this.jdbc.sql("UPDATE collections SET kind = ?, title = ?, url = ?, started = ?, listed_at = ? WHERE id = ?")
			.params(listing.kind(), clip(listing.title(), 1000), listing.url(), started, utc(now), id)
			.update();
		for (int i = 0; i < items.size(); i++) {
			NewItem item = items.get(i);
			this.jdbc
				.sql("INSERT INTO collection_items (collection_id, position, url, title, duration_seconds, task_id,"
						+ " summary_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(id, i + 1, item.listed().url(), clip(item.listed().title(), 1000),
						item.listed().durationSeconds(), item.taskId(), item.summaryId())
				.update();
		}
	}

	/**
	 * The tasks of a collection's items in the list's order, and how many of the first
	 * were started.
	 */
	public Order order(UUID id) {
		int started = this.jdbc.sql("SELECT started FROM collections WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		List<UUID> tasks = this.jdbc
			.sql("SELECT task_id FROM collection_items WHERE collection_id = ? ORDER BY position")
			.param(id)
			.query(UUID.class)
			.list();
		return new Order(tasks, started);
	}

	/**
	 * The items' tasks in the list's order; the first {@code started} have their jobs.
	 */
	public record Order(List<UUID> tasks, int started) {

		public Order {
			tasks = List.copyOf(tasks);
		}

	}

	/** {@code started} of the items now have their jobs, in the caller's transaction. */
	public void started(UUID id, int started) {
		this.jdbc.sql("UPDATE collections SET started = ? WHERE id = ?").params(started, id).update();
	}

	/** Keeps each item's outcome with the collection, in the caller's transaction. */
	public void complete(UUID id, List<ChildTask> outcomes, Instant now) {
		for (ChildTask outcome : outcomes) {
			this.jdbc
				.sql("UPDATE collection_items SET status = ?, failure_code = ?, error = ?"
						+ " WHERE collection_id = ? AND task_id = ?")
				.params(outcome.status().value(), outcome.failureCode(), clip(outcome.error(), 2000), id, outcome.id())
				.update();
		}
		this.jdbc.sql("UPDATE collections SET completed_at = ? WHERE id = ?").params(utc(now), id).update();
	}

	/**
	 * Forgets a collection whose list had nothing new for its follow, in the caller's
	 * transaction: a check that found nothing leaves nothing in the library.
	 */
	public void forget(UUID id) {
		this.jdbc.sql("DELETE FROM collections WHERE id = ?").param(id).update();
	}

	/**
	 * Deletes the caller's collection and the summaries its items made (a summary it only
	 * linked stays in the library); a collection still being summarized is refused.
	 */
	@Transactional
	public void delete(UUID id, String owner) {
		CollectionView collection = view(id, owner);
		if (this.tasks.load(collection.taskId()).filter((task) -> !task.status().isTerminal()).isPresent()) {
			throw ApiException.conflict("The collection is still being summarized; cancel it first, then delete it.");
		}
		for (CollectionView.Item item : collection.items()) {
			this.library.deleteIfMadeBy(item.summaryId(), item.taskId(), owner);
		}
		this.jdbc.sql("DELETE FROM collections WHERE id = ? AND owner = ?").params(id, owner).update();
	}

	/**
	 * The caller's collection with its items' states; another owner's answers exactly as
	 * an unknown one.
	 */
	public CollectionView view(UUID id, String owner) {
		Header header = this.jdbc
			.sql("SELECT task_id, kind, title, url, created_at, listed_at, completed_at FROM collections"
					+ " WHERE id = ? AND owner = ?")
			.params(id, owner)
			.query((rs, row) -> new Header(rs.getObject("task_id", UUID.class), rs.getString("kind"),
					rs.getString("title"), rs.getString("url"), instant(rs, "created_at"), instant(rs, "listed_at"),
					instant(rs, "completed_at")))
			.optional()
			.orElseThrow(() -> ApiException.notFound("Collection " + id + " not found; check the id."));
		Map<UUID, ChildTask> live = this.tasks.children(header.taskId())
			.stream()
			.collect(Collectors.toMap(ChildTask::id, Function.identity()));
		List<CollectionView.Item> items = new ArrayList<>();
		this.jdbc
			.sql("SELECT position, url, title, duration_seconds, task_id, summary_id, status, failure_code, error"
					+ " FROM collection_items WHERE collection_id = ? ORDER BY position")
			.param(id)
			.query((rs) -> {
				items.add(item(rs, live.get(rs.getObject("task_id", UUID.class))));
			});
		return new CollectionView(id, header.taskId(), header.kind(), header.title(), header.url(), header.createdAt(),
				header.listedAt(), header.completedAt(), items);
	}

	private record Header(UUID taskId, String kind, String title, String url, Instant createdAt, Instant listedAt,
			Instant completedAt) {
	}

	/**
	 * An item as its task stands, or, once its task is gone, as the collection kept its
	 * outcome.
	 */
	private static CollectionView.Item item(ResultSet rs, ChildTask task) throws SQLException {
		Integer duration = rs.getObject("duration_seconds", Integer.class);
		UUID summaryId = rs.getObject("summary_id", UUID.class);
		if (task != null) {
			return new CollectionView.Item(rs.getInt("position"), rs.getString("url"), rs.getString("title"), duration,
					task.id(), summaryId, task.status().value(), task.progress(), task.stage(), task.failureCode(),
					task.error());
		}
		String status = (rs.getString("status") != null) ? rs.getString("status") : "processing";
		return new CollectionView.Item(rs.getInt("position"), rs.getString("url"), rs.getString("title"), duration,
				rs.getObject("task_id", UUID.class), summaryId, status, status.equals("completed") ? 100 : 0, null,
				rs.getString("failure_code"), rs.getString("error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String clip(String text, int most) {
		return (text == null || text.length() <= most) ? text : text.substring(0, most - 1) + "…";
	}

}
