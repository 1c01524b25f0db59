package io.sightline.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The items of a followed collection as lines above its bar: one when an item starts, one
 * when it ends (summarized, failed with its sentence, cancelled). The collection (the
 * JSON of {@code GET /api/collections/{id}}) is read at most once a second, wherever it
 * comes from.
 */
final class CollectionProgress {

	private static final Duration READ_EVERY = Duration.ofSeconds(1);

	private final Function<String, JsonNode> read;

	/** What was last said of each item, by its position. */
	private final Map<Integer, String> said = new HashMap<>();

	private Instant lastRead = Instant.MIN;

	/**
	 * @param read the collection's JSON by its id
	 */
	CollectionProgress(Function<String, JsonNode> read) {
		this.read = read;
	}

	/**
	 * Tells {@code printer} of the items that started or ended since the last read, if
	 * the state is a collection's and a second has passed (or it ended).
	 */
	void show(TaskState state, ProgressPrinter printer) {
		if (state.collectionId() == null) {
			return;
		}
		Instant now = Instant.now();
		if (!state.isFinished() && Duration.between(this.lastRead, now).compareTo(READ_EVERY) < 0) {
			return;
		}
		this.lastRead = now;
		JsonNode collection;
		try {
			collection = this.read.apply(state.collectionId());
		}
		catch (RuntimeException unreadable) {
			// the bar goes on; the items are read again on the next turn
			return;
		}
		changes(collection).forEach(printer::note);
	}

	/** The lines for the items whose state changed since the last call. */
	List<String> changes(JsonNode collection) {
		List<String> lines = new ArrayList<>();
		JsonNode items = collection.path("items");
		for (JsonNode item : items) {
			int position = item.path("position").asInt();
			String now = stateOf(item);
			if (now == null || now.equals(this.said.get(position))) {
				continue;
			}
			this.said.put(position, now);
			String head = "[" + position + "/" + items.size() + "] ";
			String title = item.path("title").asString("");
			lines.add(switch (now) {
				case "started" -> head + "started: " + title;
				case "completed" -> head + "summarized: " + title;
				case "cancelled" -> head + "cancelled: " + title;
				default -> head + "failed: " + title + " (" + item.path("error").asString("no reason given") + ")";
			});
		}
		return lines;
	}

	/** started, completed, error, cancelled, or null while it waits its turn. */
	private static String stateOf(JsonNode item) {
		String status = item.path("status").asString("processing");
		if (!status.equals("processing")) {
			return status;
		}
		return (item.path("progress").asInt() > 0) ? "started" : null;
	}

}
