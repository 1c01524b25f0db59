package io.sightline.collection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.sightline.source.Listing.ListedItem;
import io.sightline.system.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The channels and feeds people follow: each checked when its time comes, its new items
 * (those no collection of the follow took before) summarized as a collection of their
 * own, with the options the follow was made with.
 */
@Service
public class Follows {

	private final JdbcClient jdbc;

	Follows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A follow that is due: whose it is, what it follows and the request's options. */
	public record Due(UUID id, String owner, String url, String options) {
	}

	/**
	 * Keeps a new follow of {@code url}, first checked {@code interval} after
	 * {@code now}, in the caller's transaction.
	 */
	public UUID create(String owner, String url, String options, Instant now, Duration interval) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO follows (id, owner, url, options, paused, created_at, next_check_at)"
					+ " VALUES (?, ?, ?, ?, FALSE, ?, ?)")
			.params(id, owner, url, options, utc(now), utc(now.plus(interval)))
			.update();
		return id;
	}

	/** The caller's follows, newest first. */
	public List<FollowView> list(String owner) {
		return this.jdbc
			.sql("SELECT f.id, f.url, f.title, f.paused, f.created_at, f.checked_at, f.next_check_at,"
					+ " f.last_error, (SELECT COUNT(*) FROM collections c WHERE c.follow_id = f.id) AS made,"
					+ " (SELECT c.id FROM collections c WHERE c.follow_id = f.id ORDER BY c.created_at DESC"
					+ " FETCH FIRST 1 ROWS ONLY) AS latest FROM follows f WHERE f.owner = ? ORDER BY f.created_at DESC")
			.param(owner)
			.query((rs, row) -> new FollowView(rs.getObject("id", UUID.class), rs.getString("url"),
					rs.getString("title"), rs.getBoolean("paused"),
					instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("checked_at", OffsetDateTime.class)),
					instant(rs.getObject("next_check_at", OffsetDateTime.class)), rs.getString("last_error"),
					rs.getInt("made"), rs.getObject("latest", UUID.class)))
			.list();
	}

	/** The caller's follow; another owner's answers exactly as an unknown one. */
	public FollowView get(UUID id, String owner) {
		return list(owner).stream()
			.filter((follow) -> follow.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Follow " + id + " not found; GET /api/follows lists yours."));
	}

	/**
	 * Pauses or resumes the caller's follow; a resumed follow is checked at its next
	 * time, or at once if that has passed.
	 */
	public FollowView pause(UUID id, String owner, boolean paused) {
		get(id, owner);
		this.jdbc.sql("UPDATE follows SET paused = ? WHERE id = ? AND owner = ?").params(paused, id, owner).update();
		return get(id, owner);
	}

	/**
	 * Removes the caller's follow; the collections it made stay in the library.
	 */
	public void remove(UUID id, String owner) {
		get(id, owner);
		this.jdbc.sql("DELETE FROM follows WHERE id = ? AND owner = ?").params(id, owner).update();
	}

	/**
	 * The follows due at {@code now}, not paused and without a collection still waiting
	 * to read its list (whose items are not marked as taken yet), the longest waiting
	 * first.
	 */
	public List<Due> due(Instant now, int most) {
		return this.jdbc
			.sql("SELECT f.id, f.owner, f.url, f.options FROM follows f WHERE f.paused = FALSE AND f.next_check_at <= ?"
					+ " AND NOT EXISTS (SELECT 1 FROM collections c JOIN tasks t ON t.id = c.task_id"
					+ " WHERE c.follow_id = f.id AND c.listed_at IS NULL AND t.status = 'processing')"
					+ " ORDER BY f.next_check_at FETCH FIRST " + most + " ROWS ONLY")
			.param(utc(now))
			.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("url"),
					rs.getString("options")))
			.list();
	}

	/**
	 * Says how a check went: its time, the list's title (null: unchanged), the error's
	 * sentence (null when it went well).
	 */
	public void checked(UUID id, Instant now, String title, String error) {
		this.jdbc.sql("UPDATE follows SET checked_at = ?, title = COALESCE(?, title), last_error = ? WHERE id = ?")
			.params(utc(now), title, error, id)
			.update();
	}

	/** When to check the follow next. */
	public void scheduled(UUID id, Instant next) {
		this.jdbc.sql("UPDATE follows SET next_check_at = ? WHERE id = ?").params(utc(next), id).update();
	}

	/** The items of {@code listed} the follow has not taken before, in their order. */
	public List<ListedItem> unseen(UUID id, List<ListedItem> listed) {
		Set<String> seen = new HashSet<>(
				this.jdbc.sql("SELECT url FROM follow_items WHERE follow_id = ?").param(id).query(String.class).list());
		return listed.stream().filter((item) -> !seen.contains(item.url())).toList();
	}

	/**
	 * Marks items as taken by the follow, in the caller's transaction (the one that makes
	 * their tasks); a follow removed meanwhile takes nothing.
	 */
	public void see(UUID id, List<ListedItem> items) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM follows WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			return;
		}
		for (ListedItem item : unseen(id, items)) {
			String url = item.url();
			this.jdbc.sql("INSERT INTO follow_items (follow_id, url) VALUES (?, ?)").params(id, url).update();
		}
	}

	/** The follow a collection was made for, if any. */
	public Optional<UUID> ofCollection(UUID collectionId) {
		return this.jdbc.sql("SELECT follow_id FROM collections WHERE id = ?")
			.param(collectionId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject("follow_id", UUID.class)))
			.optional()
			.flatMap((follow) -> follow);
	}

	private static Instant instant(OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
