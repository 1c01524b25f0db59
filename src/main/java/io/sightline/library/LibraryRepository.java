package io.sightline.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.sightline.source.Chapter;
import io.sightline.source.Segment;
import io.sightline.source.SourceMetadata;
import io.sightline.source.Thumbnails;
import io.sightline.summarize.KeyPoint;
import io.sightline.summarize.Passage;
import io.sightline.summarize.SummaryDocument;
import io.sightline.summarize.TokenUsage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate batch;

	private final JsonMapper json;

	LibraryRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
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
		String writtenIn = (summary.summaryLanguage() != null) ? summary.summaryLanguage() : transcriptLanguage;
		String sourceKey = summary.sourceKey();
		this.jdbc.sql("INSERT INTO summaries (id, owner, task_id, title, source_url, source_type, channel, "
				+ "duration_seconds, thumbnail_url, language, tldr, summary_markdown, key_points, summarizer, model, "
				+ "transcript_chars, chapters, prompt_tokens, completion_tokens, model_calls, created_at, summary_language, "
				+ "model_millis, cost, cost_currency, source_key, version_key, summary_length, search_indexed) "
				+ "VALUES (:id, :owner, "
				+ ":taskId, :title, :sourceUrl, :sourceType, :channel, :duration, :thumbnail, :language, :tldr, :markdown, "
				+ ":keyPoints, :summarizer, :model, :chars, :chapters, :promptTokens, :completionTokens, :calls, :createdAt, "
				+ ":summaryLanguage, :modelMillis, :cost, :currency, :sourceKey, :versionKey, :length, TRUE)")
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
			.param("summaryLanguage", writtenIn)
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
			.param("sourceKey", sourceKey)
			.param("versionKey",
					Versions.versionKey(sourceKey, document.summarizer(), document.model(), summary.length(),
							writtenIn))
			.param("length", summary.length())
			.update();
		this.jdbc.sql("INSERT INTO transcripts (summary_id, segments) VALUES (?, ?)")
			.params(summary.id(), this.json.writeValueAsString(summary.transcript().segments()))
			.update();
		if (summary.thumbnail() != null) {
			this.jdbc.sql("INSERT INTO summary_thumbnails (summary_id, media_type, bytes) VALUES (?, ?, ?)")
				.params(summary.id(), summary.thumbnail().mediaType(), summary.thumbnail().bytes())
				.update();
		}
		writeTerms(summary.id(), summary.owner(), Snippets.weights(document.title(), metadata.channel(),
				document.tldr(), document.keyPoints(), chaptersOf(summary), summary.transcript().segments()));
	}

	private void writeTerms(UUID id, String owner, Map<String, Integer> weights) {
		this.jdbc.sql("DELETE FROM summary_terms WHERE summary_id = ?").param(id).update();
		List<Object[]> rows = new ArrayList<>();
		weights.forEach((term, weight) -> rows.add(new Object[] { id, owner, term, weight }));
		this.batch.batchUpdate("INSERT INTO summary_terms (summary_id, owner, term, weight) VALUES (?, ?, ?, ?)", rows);
	}

	/** Summaries stored before the search index was: a batch of their ids. */
	List<UUID> unindexed(int limit) {
		return this.jdbc
			.sql("SELECT id FROM summaries WHERE search_indexed = FALSE ORDER BY created_at, id FETCH FIRST " + limit
					+ " ROWS ONLY")
			.query(UUID.class)
			.list();
	}

	/** What of a stored summary its search terms and keys are made from. */
	private record Indexed(String owner, String title, String channel, String tldr, String keyPoints, String chapters,
			String sourceUrl, String summarizer, String model, String length, String language) {
	}

	/**
	 * Writes the summary's search terms and its source and version keys again, from what
	 * is stored: for summaries stored before they existed, and after a rename.
	 */
	void reindex(UUID id) {
		Optional<Indexed> stored = this.jdbc
			.sql("SELECT owner, title, channel, tldr, key_points, chapters, source_url, summarizer, model,"
					+ " summary_length, COALESCE(summary_language, language) AS written_in FROM summaries WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Indexed(rs.getString("owner"), rs.getString("title"), rs.getString("channel"),
					rs.getString("tldr"), rs.getString("key_points"), rs.getString("chapters"),
					rs.getString("source_url"), rs.getString("summarizer"), rs.getString("model"),
					rs.getString("summary_length"), rs.getString("written_in")))
			.optional();
		stored.ifPresent((summary) -> {
			List<Segment> segments = transcript(id, summary.owner()).orElse(List.of());
			String sourceKey = (summary.sourceUrl() != null) ? Versions.sourceKey(summary.sourceUrl())
					: Versions.textKey(segments);
			writeTerms(id, summary.owner(), Snippets.weights(summary.title(), summary.channel(), summary.tldr(),
					this.json.readValue(summary.keyPoints(), KEY_POINTS), chapters(summary.chapters()), segments));
			this.jdbc.sql("UPDATE summaries SET search_indexed = TRUE, source_key = ?, version_key = ? WHERE id = ?")
				.params(sourceKey,
						Versions.versionKey(sourceKey, summary.summarizer(), summary.model(), summary.length(),
								summary.language()),
						id)
				.update();
		});
	}

	/** The owner's summary's stored picture. */
	Optional<Thumbnails.Image> thumbnail(UUID id, String owner) {
		return this.jdbc
			.sql("SELECT t.media_type, t.bytes FROM summary_thumbnails t JOIN summaries s ON s.id = t.summary_id"
					+ " WHERE s.id = ? AND s.owner = ?")
			.params(id, owner)
			.query((rs, n) -> new Thumbnails.Image(rs.getString("media_type"), rs.getBytes("bytes")))
			.optional();
	}

	boolean rename(UUID id, String owner, String title) {
		return this.jdbc.sql("UPDATE summaries SET title = ? WHERE id = ? AND owner = ?")
			.params(title, id, owner)
			.update() == 1;
	}

	/** The owner's newest summary of the source with this key, with how it was made. */
	Optional<Version> newestOfSource(String owner, String sourceKey) {
		return this.jdbc
			.sql("SELECT id, title, created_at, summarizer, model, summary_length, summary_language FROM summaries"
					+ " WHERE owner = ? AND source_key = ? ORDER BY created_at DESC, id FETCH FIRST 1 ROWS ONLY")
			.params(owner, sourceKey)
			.query(this::version)
			.optional();
	}

	/** Every summary of the same source and options as this one, newest first. */
	List<Version> versions(UUID id, String owner) {
		return this.jdbc
			.sql("SELECT v.id, v.title, v.created_at, v.summarizer, v.model, v.summary_length, v.summary_language"
					+ " FROM summaries s JOIN summaries v ON v.owner = s.owner AND v.version_key = s.version_key"
					+ " WHERE s.id = ? AND s.owner = ? ORDER BY v.created_at DESC, v.id")
			.params(id, owner)
			.query(this::version)
			.list();
	}

	private Version version(ResultSet rs, int row) throws SQLException {
		return new Version(rs.getObject("id", UUID.class), rs.getString("title"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("summarizer"),
				rs.getString("model"), rs.getString("summary_length"), rs.getString("summary_language"));
	}

	List<LibraryItem> page(String owner, LibraryQuery query, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		String entries = entries(owner, query, params);
		params.put("limit", size);
		params.put("offset", (long) page * size);
		return this.jdbc
			.sql("SELECT * FROM (" + entries + ") e ORDER BY " + order(query) + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, row) -> new LibraryItem(rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getString("source_url"), rs.getString("source_type"), rs.getString("channel"),
					(Integer) rs.getObject("duration_seconds"), rs.getString("thumbnail_url"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
					(Integer) rs.getObject("item_count", Integer.class), rs.getObject("collection_id", UUID.class),
					rs.getString("collection_title"), rs.getString("summarizer"),
					(Integer) rs.getObject("version_count", Integer.class), null,
					thumbnailPath(rs.getObject("thumbnail_of", UUID.class))))
			.list();
	}

	long count(String owner, LibraryQuery query) {
		Map<String, Object> params = new HashMap<>();
		String entries = entries(owner, query, params);
		return this.jdbc.sql("SELECT COUNT(*) FROM (" + entries + ") e").params(params).query(Long.class).single();
	}

	private static String order(LibraryQuery query) {
		return switch (query.sort()) {
			case RELEVANCE -> "e.search_rank DESC, e.created_at DESC, e.id";
			case OLDEST -> "e.created_at, e.id";
			case TITLE -> "LOWER(e.title), e.id";
			case NEWEST -> "e.created_at DESC, e.id";
		};
	}

	/**
	 * The library's entries: the owner's summaries, the newest of each source and options
	 * (with how many versions it has), and collections (the collection module's table,
	 * read here so one page can hold both in order). Without a search a summary that a
	 * collection made is left to its collection; with one, every summary whose terms hold
	 * every word of the search is found, ranked by their weights, with the collection it
	 * belongs to, and every collection whose title has every word.
	 */
	private static String entries(String owner, LibraryQuery query, Map<String, Object> params) {
		params.put("owner", owner);
		String madeBy = "SELECT ci.collection_id FROM collection_items ci JOIN collections c ON c.id = ci.collection_id"
				+ " WHERE ci.summary_id = s.id AND ci.task_id = s.task_id AND c.owner = s.owner";
		StringBuilder summaries = new StringBuilder("SELECT s.id, s.title, s.source_url, s.source_type, s.channel,"
				+ " s.duration_seconds, s.thumbnail_url, s.created_at, 'summary' AS kind, CAST(NULL AS INTEGER) AS"
				+ " item_count, (" + madeBy + " FETCH FIRST 1 ROWS ONLY) AS collection_id, (SELECT c2.title FROM"
				+ " collections c2 WHERE c2.id = (" + madeBy + " FETCH FIRST 1 ROWS ONLY)) AS collection_title,"
				+ " s.summarizer, (SELECT CAST(COUNT(*) AS INTEGER) FROM summaries v WHERE v.owner = s.owner AND"
				+ " v.version_key = s.version_key) AS version_count, (SELECT t.summary_id FROM summary_thumbnails t"
				+ " WHERE t.summary_id = s.id) AS thumbnail_of, ");
		StringBuilder collections = new StringBuilder("SELECT c.id, c.title, c.url AS source_url, c.kind AS"
				+ " source_type, CAST(NULL AS VARCHAR(500)) AS channel, CAST(NULL AS INTEGER) AS duration_seconds,"
				+ " (SELECT s.thumbnail_url FROM collection_items ci JOIN summaries s ON s.id = ci.summary_id WHERE"
				+ " ci.collection_id = c.id AND s.thumbnail_url IS NOT NULL ORDER BY ci.position FETCH FIRST 1 ROWS"
				+ " ONLY) AS thumbnail_url, c.created_at, 'collection' AS kind, (SELECT CAST(COUNT(*) AS INTEGER) FROM"
				+ " collection_items ci WHERE ci.collection_id = c.id) AS item_count, CAST(NULL AS UUID) AS"
				+ " collection_id, CAST(NULL AS VARCHAR(1000)) AS collection_title, CAST(NULL AS VARCHAR(32)) AS"
				+ " summarizer, CAST(NULL AS INTEGER) AS version_count, (SELECT t.summary_id FROM collection_items ci"
				+ " JOIN summary_thumbnails t ON t.summary_id = ci.summary_id WHERE ci.collection_id = c.id ORDER BY"
				+ " ci.position FETCH FIRST 1 ROWS ONLY) AS thumbnail_of, ");
		List<String> terms = query.terms();
		if (!terms.isEmpty()) {
			summaries.append("r.search_rank FROM summaries s JOIN (")
				.append(ranked(terms, params))
				.append(") r ON")
				.append(" r.summary_id = s.id WHERE s.owner = :owner");
			collections.append(Snippets.TITLE * terms.size())
				.append(" AS search_rank FROM collections c WHERE c.owner = :owner");
			for (int i = 0; i < terms.size(); i++) {
				collections.append(" AND LOWER(c.title) LIKE :c").append(i);
				params.put("c" + i, "%" + terms.get(i) + "%");
			}
		}
		else {
			summaries.append("0 AS search_rank FROM summaries s WHERE s.owner = :owner");
			collections.append("0 AS search_rank FROM collections c WHERE c.owner = :owner");
			if (query.text() == null) {
				summaries.append(" AND NOT EXISTS (").append(madeBy).append(")");
			}
			else {
				params.put("pattern", pattern(query.text()));
				summaries.append(" AND LOWER(s.title) LIKE :pattern ESCAPE '\\'");
				collections.append(" AND LOWER(c.title) LIKE :pattern ESCAPE '\\'");
			}
		}
		summaries.append(" AND NOT EXISTS (SELECT 1 FROM summaries n WHERE n.owner = s.owner AND n.version_key ="
				+ " s.version_key AND (n.created_at > s.created_at OR (n.created_at = s.created_at AND n.id > s.id)))");
		if (query.type() != null) {
			params.put("type", query.type());
			summaries.append(" AND s.source_type = :type");
			collections.append(" AND c.kind = :type");
		}
		if (query.summarizer() != null) {
			params.put("summarizer", query.summarizer());
			summaries.append(" AND s.summarizer = :summarizer");
			collections.append(" AND 1 = 0");
		}
		if (query.since() != null) {
			params.put("since", query.since().atStartOfDay().atOffset(ZoneOffset.UTC));
			summaries.append(" AND s.created_at >= :since");
			collections.append(" AND c.created_at >= :since");
		}
		return summaries + " UNION ALL " + collections;
	}

	/**
	 * The owner's summaries that have every term of the search (a term, or one that
	 * starts with it), each with its rank: the sum of the matching terms' weights, halved
	 * for a term that only starts with the one searched.
	 */
	private static String ranked(List<String> terms, Map<String, Object> params) {
		StringBuilder rank = new StringBuilder("SUM(CASE");
		StringBuilder any = new StringBuilder();
		StringBuilder every = new StringBuilder();
		for (int i = 0; i < terms.size(); i++) {
			String term = terms.get(i);
			params.put("t" + i, term);
			String exact = "t.term = :t" + i;
			String match = exact;
			if (term.length() >= 3) {
				params.put("p" + i, term + "%");
				match = "(" + exact + " OR t.term LIKE :p" + i + ")";
			}
			rank.append(" WHEN ")
				.append(exact)
				.append(" THEN t.weight WHEN ")
				.append(match)
				.append(" THEN t.weight / 2");
			any.append((i > 0) ? " OR " : "").append(match);
			every.append((i > 0) ? " + " : "").append("MAX(CASE WHEN ").append(match).append(" THEN 1 ELSE 0 END)");
		}
		rank.append(" ELSE 0 END)");
		return "SELECT t.summary_id, " + rank + " AS search_rank FROM summary_terms t WHERE t.owner = :owner AND ("
				+ any + ") GROUP BY t.summary_id HAVING " + every + " = " + terms.size();
	}

	Optional<SummaryView> find(UUID id, String owner) {
		return this.jdbc.sql("SELECT " + ITEM_COLUMNS
				+ ", language, summary_language, tldr, summary_markdown, key_points, summarizer, "
				+ "model, transcript_chars, task_id, chapters, prompt_tokens, completion_tokens, model_calls, model_millis, "
				+ "cost, cost_currency, summary_length, (SELECT t.summary_id FROM summary_thumbnails t WHERE t.summary_id"
				+ " = summaries.id) AS thumbnail_of FROM summaries WHERE id = ? AND owner = ?")
			.params(id, owner)
			.query((rs, n) -> {
				LibraryItem item = item(rs, n);
				return new SummaryView(item.id(), item.title(), item.sourceUrl(), item.sourceType(), item.channel(),
						item.durationSeconds(), item.thumbnailUrl(), item.createdAt(), rs.getString("language"),
						rs.getString("summary_language"), rs.getString("tldr"), rs.getString("summary_markdown"),
						this.json.readValue(rs.getString("key_points"), KEY_POINTS), chapters(rs.getString("chapters")),
						rs.getString("summarizer"), rs.getString("model"), usage(rs), rs.getInt("transcript_chars"),
						rs.getObject("task_id", UUID.class), rs.getString("summary_length"),
						thumbnailPath(rs.getObject("thumbnail_of", UUID.class)));
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

	/** Where Sightline serves a summary's stored picture, or null when it has none. */
	static String thumbnailPath(UUID summaryId) {
		return (summaryId != null) ? "/api/summaries/" + summaryId + "/thumbnail" : null;
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
