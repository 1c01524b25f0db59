package io.sightline.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection's items as lines: each start and each end said once, in the list's order.
 */
class CollectionProgressTest {

	private final CollectionProgress progress = new CollectionProgress((id) -> {
		throw new IllegalStateException("not read here");
	});

	@Test
	void anItemIsSaidWhenItStartsAndWhenItEndsAndNotAgain() {
		assertThat(this.progress.changes(collection("processing", 0, null, "processing", 0, null))).isEmpty();
		assertThat(this.progress.changes(collection("processing", 40, null, "processing", 0, null)))
			.containsExactly("[1/2] started: One");
		assertThat(this.progress.changes(collection("processing", 60, null, "processing", 0, null))).isEmpty();
		assertThat(this.progress.changes(collection("completed", 100, null, "error", 10, "This video is private.")))
			.containsExactly("[1/2] summarized: One", "[2/2] failed: Two (This video is private.)");
		assertThat(this.progress.changes(collection("completed", 100, null, "error", 10, "This video is private.")))
			.isEmpty();
	}

	private static JsonNode collection(String first, int firstProgress, String firstError, String second,
			int secondProgress, String secondError) {
		return JsonMapper.shared()
			.createObjectNode()
			.set("items",
					JsonMapper.shared()
						.createArrayNode()
						.add(item(1, "One", first, firstProgress, firstError))
						.add(item(2, "Two", second, secondProgress, secondError)));
	}

	private static JsonNode item(int position, String title, String status, int progress, String error) {
		return JsonMapper.shared()
			.createObjectNode()
			.put("position", position)
			.put("title", title)
			.put("status", status)
			.put("progress", progress)
			.put("error", error);
	}

}
