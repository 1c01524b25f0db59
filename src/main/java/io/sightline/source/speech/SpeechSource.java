package io.sightline.source.speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.sightline.model.SpeechSettings;
import io.sightline.model.TranscriptionEndpoint;
import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.Uploads;
import io.sightline.system.Lazy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An uploaded recording (audio or video), read by transcribing its speech: ffmpeg
 * ({@code sightline.ffmpeg.path}) converts and cuts it, a transcription endpoint
 * ({@code sightline.asr.*}) hears it. Without either, a recording is refused with the
 * sentence that says what to set.
 */
@Component
@Order(-1)
class SpeechSource implements Source {

	private static final Logger log = LoggerFactory.getLogger(SpeechSource.class);

	static final String NOT_CONFIGURED_CODE = "asr.not_configured";

	private final SpeechSettings settings;

	private final MediaFiles media;

	private final Ffmpeg ffmpeg;

	/** Whether ffmpeg runs here: asked once, on first need. */
	private final Lazy<Boolean> ffmpegAvailable;

	private final Lazy<SpeechTranscriber> transcriber;

	SpeechSource(SpeechSettings settings, MediaFiles media, JsonMapper json, Clock clock,
			@Value("${sightline.ffmpeg.path:ffmpeg}") String ffmpegPath) {
		this.settings = settings;
		this.media = media;
		this.ffmpeg = new Ffmpeg(ffmpegPath);
		this.ffmpegAvailable = Lazy.of(this.ffmpeg::available);
		this.transcriber = Lazy.of(() -> new SpeechTranscriber(this.ffmpeg,
				new TranscriptionEndpoint(settings, json, clock), settings, json));
	}

	/** Says once, after start, whether recordings can be transcribed here. */
	@EventListener(ApplicationReadyEvent.class)
	void sayWhetherRecordingsCanBeTranscribed() {
		Thread check = new Thread(() -> {
			boolean ffmpeg = this.ffmpegAvailable.get();
			if (ffmpeg && this.settings.configured()) {
				log.info("Recordings are transcribed with {} at {}", this.settings.model(), this.settings.endpoint());
			}
			else {
				log.info("Recordings cannot be transcribed here: {}", missing());
			}
		}, "sightline-speech-check");
		check.setDaemon(true);
		check.start();
	}

	@Override
	public boolean supports(SourceRequest request) {
		return request.isRecording();
	}

	@Override
	public void check(SourceRequest request) {
		if (!this.settings.configured() || !this.ffmpegAvailable.get()) {
			throw SourceFailure.permanent(NOT_CONFIGURED_CODE,
					"This server cannot transcribe recordings: " + missing() + "; or upload the transcript instead.");
		}
	}

	@Override
	public SourceMetadata metadata(SourceRequest request) {
		check(request);
		double seconds = this.ffmpeg.audioSeconds(recording(request), () -> request.progress().advanced(0, null));
		return new SourceMetadata(Uploads.title(request.fileName()), null, "upload", null, (int) Math.round(seconds),
				null, request.language());
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		check(request);
		Path work = this.media.workDirectory(request.taskId());
		try {
			List<Segment> segments = this.transcriber.get()
				.transcribe(recording(request), work, request.progress(), request.worklog());
			return new Transcript(segments, request.language(), 0);
		}
		finally {
			MediaFiles.deleteTree(work);
		}
	}

	@Override
	public boolean transcribes(SourceRequest request) {
		return true;
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

	/** What is missing to transcribe, as the part of a sentence that says what to set. */
	private String missing() {
		if (!this.settings.configured()) {
			return "set sightline.asr.base-url to a transcription endpoint (OpenAI's /v1/audio/transcriptions or a"
					+ " local one such as speaches or whisper.cpp's server)"
					+ (this.ffmpegAvailable.get() ? "" : ", and install ffmpeg");
		}
		return "install ffmpeg (Debian: apt install ffmpeg) or set sightline.ffmpeg.path";
	}

}
