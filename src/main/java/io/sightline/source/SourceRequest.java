package io.sightline.source;

import java.nio.file.Path;
import java.util.UUID;

import io.sightline.system.Worklog;

/**
 * What to read: a URL, or an uploaded file's name and text (or, for a recording, where it
 * is kept). {@code language} is the language the user asked for, or null;
 * {@code transcript} where the transcript should come from; {@code item} what a list (a
 * podcast feed) said of the item at {@code url}, or null. A task's run adds what long
 * work needs: the task it is for, where to report progress and where to keep finished
 * parts.
 */
public record SourceRequest(String url, String fileName, String content, String language, TranscriptChoice transcript,
		UUID taskId, SourceProgress progress, Worklog worklog, Listing.ListedItem item) {

	public SourceRequest {
		transcript = (transcript != null) ? transcript : TranscriptChoice.AUTO;
		progress = (progress != null) ? progress : SourceProgress.NONE;
		worklog = (worklog != null) ? worklog : Worklog.NONE;
	}

	public SourceRequest(String url, String fileName, String content, String language, TranscriptChoice transcript,
			UUID taskId, SourceProgress progress, Worklog worklog) {
		this(url, fileName, content, language, transcript, taskId, progress, worklog, null);
	}

	public SourceRequest(String url, String fileName, String content, String language) {
		this(url, fileName, content, language, TranscriptChoice.AUTO, null, null, null);
	}

	public SourceRequest(String url, String fileName, String content, String language, TranscriptChoice transcript) {
		this(url, fileName, content, language, transcript, null, null, null);
	}

	public boolean isUpload() {
		return this.fileName != null;
	}

	/** Whether the upload is a recording (audio or video) rather than text. */
	public boolean isRecording() {
		return isUpload() && Uploads.isRecording(this.fileName);
	}

	/** Where the uploaded recording of this request's task is kept, if it has one. */
	public Path recording(MediaFiles media) {
		return media.recording(this.taskId, this.fileName);
	}

}
