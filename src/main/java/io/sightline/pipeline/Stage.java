package io.sightline.pipeline;

import java.util.Locale;

/** The stages of a summarization and the part of the progress bar each one owns. */
enum Stage {

	QUEUED(0, 5, "Queued, waiting for a worker..."), METADATA(5, 20, "Reading source information..."),
	TRANSCRIPT(20, 40, "Reading the transcript..."), SUMMARIZE(40, 90, "Summarizing..."),
	STORE(90, 100, "Saving the summary...");

	private final int from;

	private final int to;

	private final String text;

	Stage(int from, int to, String text) {
		this.from = from;
		this.to = to;
		this.text = text;
	}

	int from() {
		return this.from;
	}

	String text() {
		return this.text;
	}

	/** The overall percentage when this stage is {@code fraction} (0..1) done. */
	int at(double fraction) {
		double clamped = Math.max(0, Math.min(1, fraction));
		return (int) Math.floor(this.from + (this.to - this.from) * clamped);
	}

	String metricName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
