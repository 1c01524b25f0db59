package io.sightline.source.youtube;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.sightline.source.Listing;
import io.sightline.source.Listing.ListedItem;
import io.sightline.source.SourceFailure;
import io.sightline.support.YouTubeReplay;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Playlists and channels read from YouTube's recorded 2026 answers (NewPipeExtractor's
 * list tests): pages followed in order up to the limit, a channel's name resolved, and
 * lists that do not exist or were removed refused with a sentence.
 */
class YouTubeListsTest {

	private static final String PLAYLIST = "PLoumn5BIsUDeGF1vy5Nylf_RJKn5aL_nr";

	private final YouTubeReplay replay = new YouTubeReplay().withRecordedLists();

	/** When the channel's "13 days ago" is read. */
	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private final YouTubeLists lists = new YouTubeLists(new YouTubeClient(properties(), Clock.systemUTC()),
			JsonMapper.shared(), Clock.fixed(NOW, ZoneOffset.UTC));

	private YouTubeProperties properties() {
		return new YouTubeProperties(URI.create(this.replay.baseUrl()), null, "ANDROID", "20.10.38", List.of("en"),
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(1),
				new YouTubeProperties.Audio("VISIONOS", "1.02", DataSize.ofMegabytes(50), DataSize.ofMegabytes(10)),
				null, null, new YouTubeProperties.Lists("WEB", "2.20260519.10.00"), Duration.ZERO);
	}

	@AfterEach
	void stop() {
		this.replay.close();
	}

	@Test
	void thePlaylistsFirstPageIsAskedForWithTheTokenTheWebClientMakes() {
		assertThat(YouTubeLists.firstPlaylistPage(PLAYLIST))
			.isEqualTo("4qmFsgJdEiRWTFBMb3VtbjVCSXNVRGVHRjF2eTVOeWxmX1JKS241YUxfbnIaEENBRENCZ0lJQUElM0QlM0SaAiJQTG91bW4"
					+ "1QklzVURlR0Yxdnk1TnlsZl9SSktuNWFMX25y");
	}

	@Test
	void aLongPlaylistIsReadInItsOrderAcrossContinuationPagesUpToTheLimit() {
		Listing listing = this.lists.list("https://www.youtube.com/playlist?list=" + PLAYLIST, 120, null);

		assertThat(listing.kind()).isEqualTo("playlist");
		assertThat(listing.title()).isEqualTo("TOP 150 Songs 2026 - List of Best Music 2026 (Today's Hits Playlist)");
		assertThat(listing.url()).isEqualTo("https://www.youtube.com/playlist?list=" + PLAYLIST);
		assertThat(listing.items()).hasSize(120);
		assertThat(listing.more()).isTrue();
		assertThat(listing.items().get(0)).isEqualTo(new ListedItem("https://www.youtube.com/watch?v=u2ah9tWTkmk",
				"Alex Warren - Ordinary (Official Video)", 187));
		// the 101st comes from the second page
		assertThat(listing.items().get(100).url()).isEqualTo("https://www.youtube.com/watch?v=aQMKAZpcynA");
		assertThat(listing.items()).extracting(ListedItem::url).doesNotHaveDuplicates();
		assertThat(browseRequests()).hasSize(3);
	}

	@Test
	void aShortLimitReadsNoPageMoreThanItNeedsAndTheWholeListEnds() {
		assertThat(this.lists.list("https://www.youtube.com/watch?list=" + PLAYLIST, 10, null).items()).hasSize(10);
		assertThat(browseRequests()).as("the header and the first page").hasSize(2);

		Listing whole = this.lists.list("https://www.youtube.com/playlist?list=" + PLAYLIST, 500, null);
		assertThat(whole.items()).hasSize(150);
		assertThat(whole.more()).isFalse();
	}

	@Test
	void aChannelNameIsResolvedAndItsNewestVideosListedAcrossPages() {
		Listing listing = this.lists.list("https://www.youtube.com/user/creativecommons/videos", 40, null);

		assertThat(listing.kind()).isEqualTo("channel");
		assertThat(listing.title()).isEqualTo("Creative Commons");
		assertThat(listing.items()).hasSize(40);
		assertThat(listing.items().get(0)).isEqualTo(new ListedItem("https://www.youtube.com/watch?v=BD-LB23rRBE",
				"Expert Panel III: Global Perspectives on Open Heritage and Diversity, Inclusion, and Sustainability",
				3600 + 7 * 60 + 34, NOW.minus(Duration.ofDays(13)), null, null, null));
		assertThat(listing.items().get(30).url()).isEqualTo("https://www.youtube.com/watch?v=CIFHx7_z3Vc");
		assertThat(listing.items()).allSatisfy((item) -> assertThat(item.title()).isNotBlank());
		assertThat(this.replay.requests()).extracting((r) -> r.getRequestUrl().encodedPath())
			.containsExactly("/youtubei/v1/navigation/resolve_url", "/youtubei/v1/browse", "/youtubei/v1/browse");
	}

	@Test
	void aChannelSinceADateListsOnlyTheVideosPublishedSinceAndReadsNoPagePastThem() {
		LocalDate since = LocalDate.ofInstant(NOW.minus(Duration.ofDays(60)), ZoneOffset.UTC);
		Listing listing = this.lists.list("https://www.youtube.com/channel/UCTwECeGqMZee77BjdoYtI2Q", 200, since);

		assertThat(listing.items()).isNotEmpty()
			.allSatisfy((item) -> assertThat(item.publishedAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(61))));
		// four of 13 days, one of a month, three of two months
		assertThat(listing.items()).hasSize(8);
		assertThat(listing.more()).isFalse();
		assertThat(this.replay.requests()).as("the first page already goes past the date")
			.extracting((r) -> r.getRequestUrl().encodedPath())
			.containsExactly("/youtubei/v1/browse");
	}

	@Test
	void agoIsTheLatestMomentItMayMean() {
		assertThat(YouTubeLists.ago("Streamed 2 weeks ago", NOW)).isEqualTo(NOW.minus(Duration.ofDays(14)));
		assertThat(YouTubeLists.ago("1 year ago", NOW)).isEqualTo(NOW.minus(Duration.ofDays(365)));
		assertThat(YouTubeLists.ago("3 months ago", NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
		assertThat(YouTubeLists.ago("1,234 views", NOW)).isNull();
	}

	@Test
	void aChannelByItsIdIsListedWithoutResolvingAnything() {
		Listing listing = this.lists.list("https://www.youtube.com/channel/UCTwECeGqMZee77BjdoYtI2Q", 5, null);

		assertThat(listing.items()).hasSize(5);
		assertThat(listing.more()).isTrue();
		assertThat(this.replay.requests()).extracting((r) -> r.getRequestUrl().encodedPath())
			.containsExactly("/youtubei/v1/browse");
	}

	@Test
	void requestsAreSpacedByTheMinimumIntervalWhateverThreadSendsThem() throws Exception {
		YouTubePacer pacer = new YouTubePacer(Duration.ofMillis(300));
		YouTubeLists paced = new YouTubeLists(new YouTubeClient(properties(), Clock.systemUTC(), pacer),
				JsonMapper.shared(), Clock.systemUTC());
		// two lists read at once, as two collections on one node would
		Thread other = new Thread(
				() -> paced.list("https://www.youtube.com/channel/UCTwECeGqMZee77BjdoYtI2Q", 40, null));
		other.start();
		paced.list("https://www.youtube.com/playlist?list=" + PLAYLIST, 120, null);
		other.join();

		assertThat(this.replay.requests()).hasSize(5);
		// a request goes at least 300 ms after the one before; its arrival may lag a
		// little
		assertThat(this.replay.shortestGapMillis()).isGreaterThanOrEqualTo(270);
	}

	@Test
	void listsThatDoNotExistOrWereRemovedAreRefusedWithWhatYouTubeSaid() {
		SourceFailure missing = failure("https://www.youtube.com/playlist?list=PL11111111111111111111111111111111");
		assertThat(missing.code()).isEqualTo("youtube.list_not_found");
		assertThat(missing.isTransient()).isFalse();
		assertThat(missing.getMessage()).startsWith("YouTube has no playlist at this address;");

		SourceFailure unviewable = failure("https://www.youtube.com/playlist?list=INVALID_ID");
		assertThat(unviewable.code()).isEqualTo("youtube.list_unavailable");
		assertThat(unviewable.getMessage()).contains("(This playlist type is unviewable.)");

		SourceFailure terminated = failure("https://www.youtube.com/channel/UCTGjY2I-ZUGnwVoWAGRd7XQ");
		assertThat(terminated.code()).isEqualTo("youtube.list_unavailable");
		assertThat(terminated.getMessage()).startsWith("YouTube will not show this channel (This account has been"
				+ " terminated for a violation of YouTube's Terms of Service.)");

		assertThat(failure("https://www.youtube.com/channel/UCAUc4iz6edWerIjlnL8OSSw").code())
			.isEqualTo("youtube.list_not_found");
		assertThat(failure("https://www.youtube.com/channel/DOESNT-EXIST").code()).isEqualTo("youtube.list_not_found");
		assertThat(failure("https://www.youtube.com/@no-such-handle-here").code()).isEqualTo("youtube.list_not_found");
	}

	@Test
	void onlyPlaylistAndChannelAddressesAreLists() {
		assertThat(this.lists.supports("https://www.youtube.com/playlist?list=" + PLAYLIST)).isTrue();
		assertThat(this.lists.supports("https://youtube.com/@creativecommons")).isTrue();
		assertThat(this.lists.supports("https://m.youtube.com/c/SomeName/videos")).isTrue();
		assertThat(this.lists.supports("https://www.youtube.com/watch?v=u2ah9tWTkmk")).isFalse();
		// a video played from a playlist is the video
		assertThat(this.lists.supports("https://www.youtube.com/watch?v=u2ah9tWTkmk&list=" + PLAYLIST)).isFalse();
		assertThat(this.lists.supports("https://www.youtube.com/@creativecommons/community")).isFalse();
		assertThat(this.lists.supports("https://example.com/playlist?list=" + PLAYLIST)).isFalse();
	}

	private SourceFailure failure(String url) {
		return catchThrowableOfType(SourceFailure.class, () -> this.lists.list(url, 10, null));
	}

	private List<RecordedRequest> browseRequests() {
		return this.replay.requests()
			.stream()
			.filter((r) -> r.getRequestUrl().encodedPath().equals("/youtubei/v1/browse"))
			.toList();
	}

}
