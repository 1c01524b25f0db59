package io.sightline.library;

import java.util.List;

import io.sightline.source.Segment;
import io.sightline.system.Digests;

/** How summaries of one source are known as one: the fingerprint of its address. */
final class Versions {

	private Versions() {
	}

	/**
	 * The key of the source at this address (the address the summary is stored under).
	 */
	static String sourceKey(String address) {
		return "url:" + Digests.sha256(address.strip());
	}

	/** The key of an upload: the fingerprint of its text. */
	static String textKey(List<Segment> segments) {
		StringBuilder text = new StringBuilder();
		segments.forEach((segment) -> text.append(segment.text()).append('\n'));
		return "text:" + Digests.sha256(text.toString());
	}

	/** The key shared by the summaries of one source made with the same options. */
	static String versionKey(String sourceKey, String summarizer, String model, String length, String language) {
		return Digests.sha256(String.join("|", sourceKey, summarizer, String.valueOf(model), String.valueOf(length),
				String.valueOf(language)));
	}

}
