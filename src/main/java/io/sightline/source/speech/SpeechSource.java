package io.sightline.source.speech;

import java.nio.file.Files;
import java.nio.file.Path;

import io.sightline.source.MediaFiles;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptChoice;
import io.sightline.source.Uploads;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An uploaded recording (audio or video), read by transcribing its speech. Without a
 * transcription endpoint or ffmpeg, a recording is refused with the sentence that says
 * what to set.
 */
@Component
@Order(-1)
class SpeechSource implements Source {

	static final String NOT_CONFIGURED_CODE = "asr.not_configured";

	private final Speech speech;

	private final MediaFiles media;

	SpeechSource(Speech speech, MediaFiles media) {
		this.speech = speech;
		this.media = media;
	}

	@Override
	public boolean supports(SourceRequest request) {
		return request.isRecording();
	}

	@Override
	public void check(SourceRequest request) {
		if (!this.speech.available()) {
			throw SourceFailure.permanent(NOT_CONFIGURED_CODE, "This server cannot transcribe recordings: "
					+ this.speech.missing() + "; or upload the transcript instead.");
		}
	}

	@Override
	public SourceMetadata metadata(SourceRequest request) {
		check(request);
		double seconds = this.speech.audioSeconds(recording(request), () -> request.progress().advanced(0, null));
		this.speech.checkLength(seconds);
		return new SourceMetadata(Uploads.title(request.fileName()), null, "upload", null, (int) Math.round(seconds),
				null, request.language());
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		check(request);
		return new Transcript(
				this.speech.transcribe(recording(request), request.taskId(), request.progress(), request.worklog()),
				request.language(), 0);
	}

	@Override
	public boolean transcribes(SourceRequest request, SourceMetadata metadata) {
		return true;
	}

	@Override
	public boolean offers(TranscriptChoice choice) {
		return choice != TranscriptChoice.CAPTIONS;
	}

	@Override
	public String name() {
		return "speech";
	}

	private Path recording(SourceRequest request) {
		Path recording = request.recording(this.media);
		if (!Files.exists(recording)) {
			throw SourceFailure.permanent("upload.gone",
					"The uploaded recording of this task is no longer stored; upload it again.");
		}
		return recording;
	}

}
