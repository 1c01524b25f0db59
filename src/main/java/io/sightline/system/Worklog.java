package io.sightline.system;

import java.util.Optional;

/**
 * Where a summarizer keeps what finished parts of its work produced (the notes of one
 * part of a transcript, say), so that a retry, or a run on another node after a crash,
 * does not do them again. The keys are the summarizer's own and say everything the result
 * depends on; the store keeps them for one task.
 */
public interface Worklog {

	/** Keeps nothing: every run does all its work. */
	Worklog NONE = new Worklog() {

		@Override
		public Optional<String> get(String key) {
			return Optional.empty();
		}

		@Override
		public void put(String key, String value) {
		}

	};

	Optional<String> get(String key);

	void put(String key, String value);

}
