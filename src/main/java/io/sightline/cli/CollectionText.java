package io.sightline.cli;

import tools.jackson.databind.JsonNode;

/**
 * A collection as the command line prints it: its title and address, then each item in
 * the list's order with where it ended, in Markdown.
 */
final class CollectionText {

	private CollectionText() {
	}

	/** The collection as {@code GET /api/collections/{id}} answers it. */
	static String markdown(JsonNode collection) {
		StringBuilder text = new StringBuilder("# ").append(collection.path("title").asString(""))
			.append("\n\n")
			.append(collection.path("url").asString(""))
			.append("\n\n");
		for (JsonNode item : collection.path("items")) {
			text.append(item.path("position").asInt())
				.append(". [")
				.append(item.path("title").asString(""))
				.append("](")
				.append(item.path("url").asString(""))
				.append(") — ");
			String status = item.path("status").asString("");
			switch (status) {
				case "completed" -> text.append("summarized: `sightline show ")
					.append(item.path("summary_id").asString(""))
					.append('`');
				case "error" -> text.append("failed: ").append(item.path("error").asString(""));
				default -> text.append(status);
			}
			text.append('\n');
		}
		return text.toString();
	}

}
