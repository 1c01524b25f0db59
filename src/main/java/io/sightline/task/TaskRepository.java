package io.sightline.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Task rows, their uploaded input and the log of their changes (one row per sequence
 * number).
 */
@Repository
class TaskRepository {

	private static final String COLUMNS = "id, owner, source_kind, source_url, file_name, language, summarizer, "
			+ "summary_length, status, progress, stage, phase, error, failure_kind, failure_code, failure_retryable, "
			+ "retry_at, attempt, max_attempts, summary_id, seq, created_at, updated_at, summary_language, "
			+ "transcript_choice, list_limit, list_since, item_title, item_media_type, item_transcript_url, "
			+ "item_transcript_type, title";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TaskRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Task task, String uploadContent) {
		TaskSource source = task.source();
		this.jdbc
			.sql("INSERT INTO tasks (" + COLUMNS + ") VALUES (:id, :owner, :kind, :url, :fileName, :language, "
					+ ":summarizer, :length, :status, :progress, :stage, :phase, :error, :failureKind, :failureCode, "
					+ ":failureRetryable, :retryAt, :attempt, :maxAttempts, :summaryId, 1, :createdAt, :updatedAt, "
					+ ":summaryLanguage, :transcript, :listLimit, :since, :itemTitle, :itemMediaType, "
					+ ":itemTranscriptUrl, :itemTranscriptType, :title)")
			.param("id", task.id())
			.param("owner", task.owner())
			.param("kind", source.kind().name())
			.param("url", source.url())
			.param("fileName", source.fileName())
			.param("language", source.language())
			.param("summarizer", source.summarizer())
			.param("length", source.length())
			.param("summaryLanguage", source.summaryLanguage())
			.param("transcript", source.transcript())
			.param("listLimit", source.limit())
			.param("since", source.since())
			.param("itemTitle", (source.item() != null) ? source.item().title() : null)
			.param("itemMediaType", (source.item() != null) ? source.item().mediaType() : null)
			.param("itemTranscriptUrl", (source.item() != null) ? source.item().transcriptUrl() : null)
			.param("itemTranscriptType", (source.item() != null) ? source.item().transcriptType() : null)
			.params(stateParameters(task))
			.param("maxAttempts", task.maxAttempts())
			.param("summaryId", task.summaryId())
			.param("title", task.title())
			.param("createdAt", utc(task.createdAt()))
			.param("updatedAt", utc(task.updatedAt()))
			.update();
		if (uploadContent != null) {
			this.jdbc.sql("INSERT INTO task_inputs (task_id, content) VALUES (?, ?)")
				.params(task.id(), uploadContent)
				.update();
		}
		appendChange(task, 1);
		task.persisted(1);
	}

	/**
	 * Writes a changed task if nobody else wrote it since it was read; answers its new
	 * sequence number.
	 */
	long update(Task task) {
		long next = task.sequence() + 1;
		int rows = this.jdbc
			.sql("UPDATE tasks SET status = :status, progress = :progress, stage = :stage, phase = :phase, "
					+ "error = :error, failure_kind = :failureKind, failure_code = :failureCode, "
					+ "failure_retryable = :failureRetryable, retry_at = :retryAt, attempt = :attempt, seq = :next, "
					+ "updated_at = :updatedAt, title = :title WHERE id = :id AND seq = :expected")
			.params(stateParameters(task))
			.param("next", next)
			.param("updatedAt", utc(task.updatedAt()))
			.param("id", task.id())
			.param("expected", task.sequence())
			.update();
		if (rows != 1) {
			throw new ConcurrentTaskChangeException(task.id(), task.sequence());
		}
		appendChange(task, next);
		task.persisted(next);
		return next;
	}

	/** The columns of the state a transition may change, as named parameters. */
	private static Map<String, Object> stateParameters(Task task) {
		Task.State state = task.state();
		TaskFailure failure = state.failure();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("status", state.status().value());
		parameters.put("progress", state.progress().percent());
		parameters.put("stage", state.stage());
		parameters.put("phase", state.phase().value());
		parameters.put("error", state.error());
		parameters.put("failureKind", (failure != null) ? failure.kind().value() : null);
		parameters.put("failureCode", (failure != null) ? failure.code() : null);
		parameters.put("failureRetryable", (failure != null) ? failure.retryable() : null);
		parameters.put("retryAt", (state.retryAt() != null) ? utc(state.retryAt()) : null);
		parameters.put("attempt", state.attempt());
		parameters.put("title", task.title());
		return parameters;
	}

	private void appendChange(Task task, long sequence) {
		this.jdbc.sql("INSERT INTO task_changes (task_id, seq, body) VALUES (?, ?, ?)")
			.params(task.id(), sequence, this.json.writeValueAsString(task.view()))
			.update();
	}

	/**
	 * Counts a worker's start on a task, without changing its state or sequence; answers
	 * how many starts there have been, this one included.
	 */
	int countRun(UUID id) {
		this.jdbc.sql("UPDATE tasks SET runs = runs + 1 WHERE id = ?").param(id).update();
		return this.jdbc.sql("SELECT runs FROM tasks WHERE id = ?").param(id).query(Integer.class).optional().orElse(0);
	}

	Optional<Task> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tasks WHERE id = ?").param(id).query(this::task).optional();
	}

	/**
	 * Makes a task the task of a collection of the list at {@code url}, without changing
	 * its state or sequence.
	 */
	void becomeCollection(UUID id, String url, int limit) {
		this.jdbc.sql("UPDATE tasks SET source_kind = 'COLLECTION', source_url = ?, list_limit = ? WHERE id = ?")
			.params(url, limit, id)
			.update();
	}

	/** Makes a task an item of a collection, with its share of the parent's bar. */
	void link(UUID child, UUID parent, int weight) {
		this.jdbc.sql("UPDATE tasks SET parent_id = ?, weight = ? WHERE id = ?").params(parent, weight, child).update();
	}

	/**
	 * The items of a collection; their order in the list is the collection's to keep
	 * (items made in one moment come in any order here).
	 */
	List<ChildTask> children(UUID parent) {
		return this.jdbc
			.sql("SELECT id, status, phase, progress, stage, weight, failure_code, error FROM tasks WHERE parent_id = ?"
					+ " ORDER BY created_at, id")
			.param(parent)
			.query((rs, row) -> new ChildTask(rs.getObject("id", UUID.class), TaskStatus.of(rs.getString("status")),
					Phase.of(rs.getString("phase")), rs.getInt("progress"), rs.getString("stage"), rs.getInt("weight"),
					rs.getString("failure_code"), rs.getString("error")))
			.list();
	}

	Optional<String> uploadContent(UUID id) {
		return this.jdbc.sql("SELECT content FROM task_inputs WHERE task_id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	List<ProgressChanged> changesAfter(UUID id, long sequence) {
		return this.jdbc.sql("SELECT seq, body FROM task_changes WHERE task_id = ? AND seq > ? ORDER BY seq")
			.params(id, sequence)
			.query((rs, n) -> new ProgressChanged(id, rs.getLong("seq"),
					this.json.readValue(rs.getString("body"), TaskView.class)))
			.list();
	}

	/**
	 * Removes a finished task's record, its input and its change log; never a processing
	 * task.
	 */
	boolean deleteFinished(UUID id) {
		return this.jdbc.sql("DELETE FROM tasks WHERE id = ? AND status <> 'processing'").param(id).update() == 1;
	}

	int deleteFinishedBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM tasks WHERE status <> 'processing' AND updated_at < ?")
			.param(utc(cutoff))
			.update();
	}

	/**
	 * Requests still processing, all of them or one owner's: a collection counts once,
	 * its items not at all (they start a few at a time, under the collection's own
	 * bound).
	 */
	long countProcessing(String owner) {
		return (owner == null)
				? this.jdbc.sql("SELECT COUNT(*) FROM tasks WHERE status = 'processing' AND parent_id IS NULL")
					.query(Long.class)
					.single()
				: this.jdbc
					.sql("SELECT COUNT(*) FROM tasks WHERE status = 'processing' AND parent_id IS NULL AND owner = ?")
					.param(owner)
					.query(Long.class)
					.single();
	}

	/**
	 * The owner's requests (not a collection's items) still processing or changed since
	 * {@code since}, newest first, at most {@code limit}.
	 */
	List<Task> recent(String owner, Instant since, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM tasks WHERE owner = ? AND parent_id IS NULL AND (status = 'processing'"
					+ " OR updated_at >= ?) ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
			.params(owner, utc(since))
			.query(this::task)
			.list();
	}

	Map<TaskStatus, Long> countByStatus() {
		Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
		for (TaskStatus status : TaskStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM tasks GROUP BY status").query((ResultSet rs) -> {
			counts.put(TaskStatus.of(rs.getString("status")), rs.getLong("n"));
		});
		return counts;
	}

	private Task task(ResultSet rs, int row) throws SQLException {
		TaskSource source = new TaskSource(TaskSource.Kind.valueOf(rs.getString("source_kind")),
				rs.getString("source_url"), rs.getString("file_name"), rs.getString("language"),
				rs.getString("summarizer"), rs.getString("summary_length"), rs.getString("summary_language"),
				rs.getString("transcript_choice"), (Integer) rs.getObject("list_limit", Integer.class),
				rs.getObject("list_since", LocalDate.class), item(rs));
		String failureKind = rs.getString("failure_kind");
		TaskFailure failure = (failureKind != null) ? new TaskFailure(TaskFailure.Kind.of(failureKind),
				rs.getString("failure_code"), rs.getBoolean("failure_retryable")) : null;
		OffsetDateTime retryAt = rs.getObject("retry_at", OffsetDateTime.class);
		Task.State state = new Task.State(TaskStatus.of(rs.getString("status")), new Progress(rs.getInt("progress")),
				rs.getString("stage"), Phase.of(rs.getString("phase")), rs.getString("error"), failure,
				(retryAt != null) ? retryAt.toInstant() : null, rs.getInt("attempt"));
		return new Task(rs.getObject("id", UUID.class), rs.getString("owner"), source,
				rs.getObject("summary_id", UUID.class), rs.getInt("max_attempts"), instant(rs, "created_at"), state,
				rs.getLong("seq"), instant(rs, "updated_at"), rs.getString("title"));
	}

	private static TaskSource.Item item(ResultSet rs) throws SQLException {
		String title = rs.getString("item_title");
		String mediaType = rs.getString("item_media_type");
		String transcriptUrl = rs.getString("item_transcript_url");
		if (title == null && mediaType == null && transcriptUrl == null) {
			return null;
		}
		return new TaskSource.Item(title, mediaType, transcriptUrl, rs.getString("item_transcript_type"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
