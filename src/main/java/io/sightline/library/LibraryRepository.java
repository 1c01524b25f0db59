package io.sightline.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.sightline.source.Chapter;
import io.sightline.source.Segment;
import io.sightline.source.SourceMetadata;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.Passage;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.TokenUsage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LibraryRepository {

	private static final String ITEM_COLUMNS = "id, title, source_url, source_type, channel, duration_seconds, "
			+ "thumbnail_url, created_at";

	private static final TypeReference<List<KeyPoint>> KEY_POINTS = new TypeReference<>() {
	};

	private static final TypeReference<List<Chapter>> CHAPTERS = new TypeReference<>() {
	};

	private static final TypeReference<List<Segment>> SEGMENTS = new TypeReference<>() {
	};

	private static final TypeReference<List<Passage>> PASSAGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LibraryRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The newest of the owner's summaries of this address, if any. */
	Optional<UUID> newestOf(String owner, String sourceUrl) {
		return this.jdbc.sql("SELECT id FROM summaries WHERE owner = ? AND source_url = ? ORDER BY created_at DESC, id")
			.params(owner, sourceUrl)
			.query(UUID.class)
			.list()
			.stream()
			.findFirst();
	}

	boolean exists(UUID id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM summaries WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	void insert(NewSummary summary, Instant createdAt) {
		SourceMetadata metadata = summary.metadata();
		SummaryDocument document = summary.document();
		String transcriptLanguage = (summary.transcript().language() != null) ? summary.transcript().language()
				: metadata.language();
		this.jdbc.sql("INSERT INTO summaries (id, owner, task_id, title, source_url, source_type, channel, "
				+ "duration_seconds, thumbnail_url, language, tldr, summary_markdown, key_points, summarizer, model, "
				+ "transcript_chars, chapters, prompt_tokens, completion_tokens, model_calls, created_at, summary_language, "
				+ "model_millis, cost, cost_currency) " + "VALUES (:id, :owner, "
				+ ":taskId, :title, :sourceUrl, :sourceType, :channel, :duration, :thumbnail, :language, :tldr, :markdown, "
				+ ":keyPoints, :summarizer, :model, :chars, :chapters, :promptTokens, :completionTokens, :calls, :createdAt, "
				+ ":summaryLanguage, :modelMillis, :cost, :currency)")
			.param("id", summary.id())
			.param("owner", summary.owner())
			.param("taskId", summary.taskId())
			.param("title", document.title())
			.param("sourceUrl", metadata.sourceUrl())
			.param("sourceType", metadata.sourceType())
			.param("channel", metadata.channel())
			.param("duration", metadata.durationSeconds())
			.param("thumbnail", metadata.thumbnailUrl())
			.param("language", transcriptLanguage)
			.param("summaryLanguage",
					(summary.summaryLanguage() != null) ? summary.summaryLanguage() : transcriptLanguage)
			.param("tldr", document.tldr())
			.param("markdown", document.markdown())
			.param("keyPoints", this.json.writeValueAsString(document.keyPoints()))
			.param("summarizer", document.summarizer())
			.param("model", document.model())
			.param("chars", summary.transcript().characters())
			.param("chapters", chaptersOf(summary).isEmpty() ? null : this.json.writeValueAsString(chaptersOf(summary)))
			.param("promptTokens", (document.usage() != null) ? document.usage().promptTokens() : null)
			.param("completionTokens", (document.usage() != null) ? document.usage().completionTokens() : null)
			.param("calls", (document.usage() != null) ? document.usage().calls() : null)
			.param("modelMillis", (document.usage() != null) ? document.usage().modelMillis() : null)
			.param("cost", (document.usage() != null) ? document.usage().cost() : null)
			.param("currency", (document.usage() != null) ? document.usage().currency() : null)
			.param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
			.update();
		this.jdbc.sql("INSERT INTO transcripts (summary_id, segments) VALUES (?, ?)")
			.params(summary.id(), this.json.writeValueAsString(summary.transcript().segments()))
			.update();
	}

	List<LibraryItem> page(String owner, String query, int page, int size) {
		return this.jdbc
			.sql("SELECT * FROM (" + entries(query) + ") e ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("owner", owner)
			.param("pattern", pattern(query))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new LibraryItem(rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getString("source_url"), rs.getString("source_type"), rs.getString("channel"),
					(Integer) rs.getObject("duration_seconds"), rs.getString("thumbnail_url"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
					(Integer) rs.getObject("item_count", Integer.class), rs.getObject("collection_id", UUID.class),
					rs.getString("collection_title")))
			.list();
	}

	long count(String owner, String query) {
		return this.jdbc.sql("SELECT COUNT(*) FROM (" + entries(query) + ") e")
			.param("owner", owner)
			.param("pattern", pattern(query))
			.query(Long.class)
			.single();
	}

	/**
	 * The library's entries: the owner's summaries and collections (the collection
	 * module's table, read here so one page can hold both in order). Without a query a
	 * summary that a collection made is left to its collection; with one, every summary
	 * that matches is found, with the collection it belongs to, and every collection
	 * whose title matches.
	 */
	private static String entries(String query) {
		String madeBy = "SELECT ci.collection_id FROM collection_items ci JOIN collections c ON c.id = ci.collection_id"
				+ " WHERE ci.summary_id = s.id AND ci.task_id = s.task_id AND c.owner = s.owner";
		String summaries = "SELECT s.id, s.title, s.source_url, s.source_type, s.channel, s.duration_seconds,"
				+ " s.thumbnail_url, s.created_at, 'summary' AS kind, CAST(NULL AS INTEGER) AS item_count, (" + madeBy
				+ " FETCH FIRST 1 ROWS ONLY) AS collection_id, (SELECT c2.title FROM collections c2 WHERE c2.id = ("
				+ madeBy + " FETCH FIRST 1 ROWS ONLY)) AS collection_title FROM summaries s WHERE s.owner = :owner"
				+ ((query == null) ? " AND NOT EXISTS (" + madeBy + ")"
						: " AND (LOWER(s.title) LIKE :pattern ESCAPE '\\' OR LOWER(s.summary_markdown) LIKE :pattern"
								+ " ESCAPE '\\')");
		String collections = "SELECT c.id, c.title, c.url AS source_url, c.kind AS source_type,"
				+ " CAST(NULL AS VARCHAR(500)) AS channel, CAST(NULL AS INTEGER) AS duration_seconds, (SELECT"
				+ " s.thumbnail_url FROM collection_items ci JOIN summaries s ON s.id = ci.summary_id WHERE"
				+ " ci.collection_id = c.id AND s.thumbnail_url IS NOT NULL ORDER BY ci.position FETCH FIRST 1 ROWS ONLY)"
				+ " AS thumbnail_url, c.created_at, 'collection' AS kind, (SELECT CAST(COUNT(*) AS INTEGER) FROM"
				+ " collection_items ci WHERE ci.collection_id = c.id) AS item_count, CAST(NULL AS UUID) AS"
				+ " collection_id, CAST(NULL AS VARCHAR(1000)) AS collection_title FROM collections c WHERE c.owner ="
				+ " :owner" + ((query == null) ? "" : " AND LOWER(c.title) LIKE :pattern ESCAPE '\\'");
		return summaries + " UNION ALL " + collections;
	}

	Optional<SummaryView> find(UUID id, String owner) {
		return this.jdbc.sql("SELECT " + ITEM_COLUMNS
				+ ", language, summary_language, tldr, summary_markdown, key_points, summarizer, "
				+ "model, transcript_chars, task_id, chapters, prompt_tokens, completion_tokens, model_calls, model_millis, "
				+ "cost, cost_currency FROM summaries WHERE id = ? AND owner = ?")
			.params(id, owner)
			.query((rs, n) -> {
				LibraryItem item = item(rs, n);
				return new SummaryView(item.id(), item.title(), item.sourceUrl(), item.sourceType(), item.channel(),
						item.durationSeconds(), item.thumbnailUrl(), item.createdAt(), rs.getString("language"),
						rs.getString("summary_language"), rs.getString("tldr"), rs.getString("summary_markdown"),
						this.json.readValue(rs.getString("key_points"), KEY_POINTS), chapters(rs.getString("chapters")),
						rs.getString("summarizer"), rs.getString("model"), usage(rs), rs.getInt("transcript_chars"),
						rs.getObject("task_id", UUID.class));
			})
			.optional();
	}

	void insertQuestion(UUID summaryId, String owner, QuestionAnswer asked) {
		this.jdbc
			.sql("INSERT INTO summary_questions (id, summary_id, owner, question, answer, passages, from_model,"
					+ " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(asked.id(), summaryId, owner, asked.question(), asked.answer(),
					this.json.writeValueAsString(asked.passages()), asked.fromModel(),
					asked.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The questions asked about an owner's summary, oldest first. */
	List<QuestionAnswer> questions(UUID summaryId, String owner) {
		return this.jdbc
			.sql("SELECT id, question, answer, passages, from_model, created_at FROM summary_questions"
					+ " WHERE summary_id = ? AND owner = ? ORDER BY created_at, id")
			.params(summaryId, owner)
			.query((rs, n) -> new QuestionAnswer(rs.getObject("id", UUID.class), rs.getString("question"),
					rs.getString("answer"), this.json.readValue(rs.getString("passages"), PASSAGES),
					rs.getBoolean("from_model"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	Optional<List<Segment>> transcript(UUID id, String owner) {
		return this.jdbc
			.sql("SELECT t.segments FROM transcripts t JOIN summaries s ON s.id = t.summary_id "
					+ "WHERE s.id = ? AND s.owner = ?")
			.params(id, owner)
			.query((rs, n) -> this.json.readValue(rs.getString("segments"), SEGMENTS))
			.optional();
	}

	private static TokenUsage usage(ResultSet rs) throws SQLException {
		int calls = rs.getInt("model_calls");
		if (rs.wasNull()) {
			return null;
		}
		double cost = rs.getDouble("cost");
		Double money = rs.wasNull() ? null : cost;
		return new TokenUsage(rs.getInt("prompt_tokens"), rs.getInt("completion_tokens"), calls,
				rs.getLong("model_millis"), money, rs.getString("cost_currency"));
	}

	/** The source's own chapters (a video's), else those the summarizer found. */
	private static List<Chapter> chaptersOf(NewSummary summary) {
		return summary.metadata().chapters().isEmpty() ? summary.document().chapters() : summary.metadata().chapters();
	}

	private List<Chapter> chapters(String json) {
		return (json == null) ? List.of() : this.json.readValue(json, CHAPTERS);
	}

	boolean deleteIfMadeBy(UUID id, UUID taskId, String owner) {
		return this.jdbc.sql("DELETE FROM summaries WHERE id = ? AND task_id = ? AND owner = ?")
			.params(id, taskId, owner)
			.update() == 1;
	}

	boolean delete(UUID id, String owner) {
		return this.jdbc.sql("DELETE FROM summaries WHERE id = ? AND owner = ?").params(id, owner).update() == 1;
	}

	private static String pattern(String query) {
		if (query == null) {
			return null;
		}
		String escaped = query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private LibraryItem item(ResultSet rs, int row) throws SQLException {
		return new LibraryItem(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("source_url"),
				rs.getString("source_type"), rs.getString("channel"), (Integer) rs.getObject("duration_seconds"),
				rs.getString("thumbnail_url"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
