package io.sightline.source;

import java.util.List;

/**
 * What one address lists: a YouTube playlist's videos in their order, a channel's newest
 * first.
 *
 * @param title the list's own title (the playlist's, the channel's name)
 * @param kind {@code playlist} or {@code channel}
 * @param url the list's address as people open it
 * @param items at most the number asked for
 * @param more whether the list goes on past them
 */
public record Listing(String title, String kind, String url, List<ListedItem> items, boolean more) {

	public Listing {
		items = List.copyOf(items);
	}

	/**
	 * One item of a list: the address to summarize it from.
	 *
	 * @param url the item's own address (a video's watch page)
	 * @param title its title as the list shows it
	 * @param durationSeconds its length, where the list says
	 */
	public record ListedItem(String url, String title, Integer durationSeconds) {
	}

}
