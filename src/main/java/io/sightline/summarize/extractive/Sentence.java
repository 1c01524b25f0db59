package io.sightline.summarize.extractive;

/** A sentence of the transcript and the time it starts (null without timing). */
record Sentence(int index, String text, Double startSeconds) {

	int words() {
		return this.text.isBlank() ? 0 : this.text.trim().split("\\s+").length;
	}

}
