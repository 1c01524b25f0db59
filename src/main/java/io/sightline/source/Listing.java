package io.sightline.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What one address lists: a YouTube playlist's videos in their order, a channel's or a
 * feed's newest first.
 *
 * @param title the list's own title (the playlist's, the channel's or the show's name)
 * @param kind {@code playlist}, {@code channel} or {@code feed}
 * @param url the list's address as people open it (a feed's own address, where a page
 * linked it)
 * @param items at most the number asked for
 * @param more whether the list goes on past them
 */
public record Listing(String title, String kind, String url, List<ListedItem> items, boolean more) {

	public Listing {
		items = List.copyOf(items);
	}

	/**
	 * One item of a list: the address to summarize it from, and what the list says of it.
	 *
	 * @param url the item's own address (a video's watch page, an episode's audio, an
	 * article)
	 * @param title its title as the list shows it
	 * @param durationSeconds its length, where the list says
	 * @param publishedAt when it was published, where the list says (for a channel, as
	 * late as its "3 weeks ago" may mean)
	 * @param mediaType the media type of an episode's audio or video (the item's
	 * {@code url}), or null when the item is a page
	 * @param transcriptUrl where the list says its transcript is, or null
	 * @param transcriptType that transcript's media type ({@code text/vtt},
	 * {@code application/x-subrip}, {@code application/json}, {@code text/plain},
	 * {@code text/html}), or null
	 */
	public record ListedItem(String url, String title, Integer durationSeconds, Instant publishedAt, String mediaType,
			String transcriptUrl, String transcriptType) {

		public ListedItem(String url, String title, Integer durationSeconds) {
			this(url, title, durationSeconds, null, null, null, null);
		}

		/**
		 * Whether it was published on or after {@code since} (UTC); an item of unknown
		 * date is taken.
		 */
		public boolean publishedSince(LocalDate since) {
			return since == null || this.publishedAt == null
					|| !this.publishedAt.isBefore(since.atStartOfDay(ZoneOffset.UTC).toInstant());
		}

		/** Whether it is an episode read from its transcript or its audio. */
		public boolean isEpisode() {
			return this.mediaType != null || this.transcriptUrl != null;
		}

	}

}
