package io.sightline.source;

/**
 * What to read: a URL, or an uploaded file's name and text. {@code language} is the
 * language the user asked for, or null.
 */
public record SourceRequest(String url, String fileName, String content, String language) {

	public boolean isUpload() {
		return this.fileName != null;
	}

}
