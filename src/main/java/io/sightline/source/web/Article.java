package io.sightline.source.web;

import java.util.List;

/**
 * The readable part of a web page: its title, the site's name, its language, its text
 * blocks in order, and its picture's address ({@code og:image}, or null).
 */
record Article(String title, String siteName, String language, List<String> blocks, String image) {

	Article {
		blocks = List.copyOf(blocks);
	}

}
