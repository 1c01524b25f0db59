package io.sightline.task;

/**
 * A percentage from 0 to 100 that never goes down: {@link #advanceTo} keeps the larger
 * value, so a late or repeated report can never move a progress bar backwards.
 */
public record Progress(int percent) {

	public static final Progress NONE = new Progress(0);

	public static final Progress DONE = new Progress(100);

	public Progress {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("progress must be within 0..100: " + percent);
		}
	}

	public Progress advanceTo(int target) {
		int clamped = Math.max(0, Math.min(100, target));
		return (clamped > this.percent) ? new Progress(clamped) : this;
	}

}
