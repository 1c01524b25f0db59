package io.sightline.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.sightline.source.Segment;
import io.sightline.source.SourceMetadata;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptVariant;
import io.sightline.support.MigratedDatabase;
import io.sightline.support.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What sources read, kept for reuse for the cache's time to live, on the real schema. */
class SourceCacheTest {

	static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

	final MigratedDatabase database = new MigratedDatabase();

	final MutableClock clock = new MutableClock(START);

	final SourceCache cache = cache(Duration.ofDays(7));

	final SourceMetadata metadata = new SourceMetadata("A talk", "https://www.youtube.com/watch?v=abc", "youtube",
			"A channel", 60, null, "en", List.of(), "{}");

	final Transcript english = new Transcript(List.of(new Segment(0.0, 2.0, "Hello.")), "en", 0);

	final TranscriptVariant manualEnglish = new TranscriptVariant("en", TranscriptVariant.MANUAL, "English captions");

	@Test
	void whatWasSavedIsReadWithWhenItWasFetched() {
		assertThat(this.cache.metadata("youtube:abc")).isEmpty();
		this.cache.saveMetadata("youtube:abc", this.metadata);
		this.cache.saveTranscript("youtube:abc", this.manualEnglish, this.english);

		assertThat(this.cache.metadata("youtube:abc")).contains(new Cached<>(this.metadata, START));
		assertThat(this.cache.transcript("youtube:abc", this.manualEnglish))
			.contains(new Cached<>(this.english, START));
		assertThat(this.cache.transcript("youtube:abc", TranscriptVariant.translated("de", "en", "German")))
			.as("another variant is another entry")
			.isEmpty();
		assertThat(this.cache.metadata("youtube:other")).isEmpty();
	}

	@Test
	void anEntryOlderThanTheTimeToLiveIsNotUsedAndASaveRenewsIt() {
		this.cache.saveMetadata("youtube:abc", this.metadata);
		this.clock.advance(Duration.ofDays(7).plusSeconds(1));
		assertThat(this.cache.metadata("youtube:abc")).isEmpty();
		this.cache.saveMetadata("youtube:abc", this.metadata);
		assertThat(this.cache.metadata("youtube:abc")).contains(new Cached<>(this.metadata, this.clock.instant()));
	}

	@Test
	void aTimeToLiveOfZeroTurnsTheCacheOff() {
		SourceCache off = cache(Duration.ZERO);
		off.saveMetadata("youtube:abc", this.metadata);
		assertThat(off.metadata("youtube:abc")).isEmpty();
		assertThat(this.cache.metadata("youtube:abc")).as("nothing was written").isEmpty();
	}

	private SourceCache cache(Duration ttl) {
		return new SourceCache(this.database.jdbc(), JsonMapper.shared(), this.database.transactions(),
				new CacheProperties(ttl), this.clock);
	}

}
