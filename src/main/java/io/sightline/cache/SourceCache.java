package io.sightline.cache;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.sightline.source.SourceMetadata;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptVariant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What sources read, kept in the database per content ({@code youtube:<id>}): its
 * metadata, and its transcripts per language and kind, so the same video is never fetched
 * twice within {@code sightline.cache.ttl}. Shared by all nodes; an entry that cannot be
 * read is treated as missing, never as a failure.
 */
@Repository
public class SourceCache {

	private static final String METADATA = "metadata";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final CacheProperties properties;

	private final Clock clock;

	SourceCache(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, CacheProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	public Optional<Cached<SourceMetadata>> metadata(String contentId) {
		return read(contentId, "", METADATA, SourceMetadata.class);
	}

	public void saveMetadata(String contentId, SourceMetadata metadata) {
		write(contentId, "", METADATA, metadata);
	}

	public Optional<Cached<Transcript>> transcript(String contentId, TranscriptVariant variant) {
		return read(contentId, language(variant), variant.kind(), Transcript.class);
	}

	public void saveTranscript(String contentId, TranscriptVariant variant, Transcript transcript) {
		write(contentId, language(variant), variant.kind(), transcript);
	}

	private <T> Optional<Cached<T>> read(String contentId, String language, String kind, Class<T> type) {
		if (!enabled()) {
			return Optional.empty();
		}
		Instant freshAfter = this.clock.instant().minus(this.properties.ttl());
		return this.jdbc
			.sql("SELECT payload, fetched_at FROM source_cache WHERE content_id = ? AND language = ? AND kind = ?"
					+ " AND fetched_at > ?")
			.params(contentId, language, kind, freshAfter.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				try {
					T value = this.json.readValue(rs.getString("payload"), type);
					return Optional
						.of(new Cached<>(value, rs.getObject("fetched_at", OffsetDateTime.class).toInstant()));
				}
				catch (JacksonException unreadable) {
					return Optional.<Cached<T>>empty();
				}
			})
			.optional()
			.flatMap((cached) -> cached);
	}

	private void write(String contentId, String language, String kind, Object value) {
		if (!enabled()) {
			return;
		}
		String payload = this.json.writeValueAsString(value);
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("DELETE FROM source_cache WHERE content_id = ? AND language = ? AND kind = ?")
					.params(contentId, language, kind)
					.update();
				this.jdbc.sql(
						"INSERT INTO source_cache (content_id, language, kind, payload, fetched_at) VALUES (?, ?, ?, ?, ?)")
					.params(contentId, language, kind, payload, this.clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			});
		}
		catch (DuplicateKeyException anotherNodeWroteItFirst) {
			// the same content was read twice at once; either copy serves
		}
	}

	private boolean enabled() {
		return !this.properties.ttl().isZero() && !this.properties.ttl().isNegative();
	}

	private static String language(TranscriptVariant variant) {
		return (variant.language() != null) ? variant.language() : "";
	}

}
