package io.sightline.library;

import java.time.LocalDate;
import java.util.List;

/**
 * What a library page shows: the search text (null for none) and its terms, the source
 * type, summarizer and oldest date to keep (null for any), and the order.
 */
record LibraryQuery(String text, List<String> terms, String type, String summarizer, LocalDate since, Sort sort) {

	enum Sort {

		RELEVANCE, NEWEST, OLDEST, TITLE

	}

	static LibraryQuery all() {
		return new LibraryQuery(null, List.of(), null, null, null, Sort.NEWEST);
	}

}
