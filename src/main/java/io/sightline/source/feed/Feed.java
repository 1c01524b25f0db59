package io.sightline.source.feed;

import java.util.List;

import io.sightline.source.Listing.ListedItem;

/**
 * A feed as it was read: its title, the site it belongs to, its language and its items in
 * the feed's order.
 */
record Feed(String title, String link, String language, List<ListedItem> items) {

	Feed {
		items = List.copyOf(items);
	}

}
