package io.sightline.summarize.llm;

import java.util.ArrayList;
import java.util.List;

import io.sightline.summarize.SummarizerFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a model answered: JSON, possibly inside a code fence or with words around
 * it, with {@code points} or {@code key_points} as objects ({@code text}, {@code time})
 * or plain strings.
 */
final class ModelOutput {

	/**
	 * A point as the model gave it; {@code seconds} is null where it gave no readable
	 * time.
	 */
	record Point(String text, Double seconds) {
	}

	private ModelOutput() {
	}

	static JsonNode json(JsonMapper mapper, String answer) {
		int open = answer.indexOf('{');
		int close = answer.lastIndexOf('}');
		if (open < 0 || close <= open) {
			throw unreadable();
		}
		try {
			return mapper.readTree(answer.substring(open, close + 1));
		}
		catch (JacksonException ex) {
			throw unreadable();
		}
	}

	static List<Point> points(JsonNode answer) {
		JsonNode list = answer.has("key_points") ? answer.get("key_points") : answer.path("points");
		List<Point> points = new ArrayList<>();
		for (JsonNode item : list) {
			String text = item.isString() ? item.asString() : item.path("text").asString("");
			JsonNode time = item.path("time").isMissingNode() ? item.path("start_seconds") : item.path("time");
			Double seconds = time.isNumber() ? Double.valueOf(time.asDouble()) : Chunker.seconds(time.asString(null));
			if (!text.isBlank()) {
				points.add(new Point(text.strip(), seconds));
			}
		}
		return points;
	}

	static String tldr(JsonNode answer) {
		return answer.path("tldr").asString("").strip();
	}

	private static SummarizerFailure unreadable() {
		return SummarizerFailure.temporary("model.unreadable_answer",
				"The model's answer was not the JSON it was asked for; Sightline will try" + " again.", null, null);
	}

}
