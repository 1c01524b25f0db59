package io.sightline.task;

import java.util.UUID;

/**
 * Where one item of a collection stands: its task's state, read together with its
 * siblings' for the parent's progress.
 *
 * @param id the item's task
 * @param status where it is
 * @param phase what it does, for programs (a retry waits in {@code retrying})
 * @param progress its bar (0..100)
 * @param stage what it does, as its own page says
 * @param weight its expected work (seconds of video), its share of the parent's bar
 * @param failureCode why it failed, where it did
 * @param error its failure's sentence, where it failed
 */
public record ChildTask(UUID id, TaskStatus status, Phase phase, int progress, String stage, int weight,
		String failureCode, String error) {

	public boolean ended() {
		return this.status.isTerminal();
	}

}
