package io.sightline.source.youtube;

/**
 * One caption track on offer: its language code and display name, whether YouTube's
 * speech recognition made it ({@code auto}), whether YouTube can translate it, and where
 * to read it.
 */
record CaptionTrack(String language, String name, boolean auto, boolean translatable, String url) {

	/**
	 * YouTube marks some tracks as needing a proof-of-origin token, which Sightline
	 * cannot make.
	 */
	boolean needsPoToken() {
		return this.url.contains("&exp=xpe");
	}

}
