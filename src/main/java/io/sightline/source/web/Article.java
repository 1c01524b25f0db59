package io.sightline.source.web;

import java.util.List;

/**
 * The readable part of a web page: its title, the site's name, its language and its text
 * blocks in order.
 */
record Article(String title, String siteName, String language, List<String> blocks) {

	Article {
		blocks = List.copyOf(blocks);
	}

}
