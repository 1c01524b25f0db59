package io.sightline.source.speech;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.sightline.model.SpeechSettings;
import io.sightline.model.TranscriptionEndpoint;
import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceProgress;
import io.sightline.system.Lazy;
import io.sightline.system.Worklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Speech-to-text for the sources that need it (uploaded recordings, videos without
 * captions): ffmpeg ({@code sightline.ffmpeg.path}) converts and cuts, a transcription
 * endpoint ({@code sightline.asr.*}) hears. Says once, after start, whether this server
 * can transcribe.
 */
@Component
public class Speech {

	private static final Logger log = LoggerFactory.getLogger(Speech.class);

	private final SpeechSettings settings;

	private final MediaFiles media;

	private final Ffmpeg ffmpeg;

	/** Whether ffmpeg runs here: asked once, on first need. */
	private final Lazy<Boolean> ffmpegAvailable;

	private final Lazy<SpeechTranscriber> transcriber;

	public Speech(SpeechSettings settings, MediaFiles media, JsonMapper json, Clock clock,
			@Value("${sightline.ffmpeg.path:ffmpeg}") String ffmpegPath) {
		this.settings = settings;
		this.media = media;
		this.ffmpeg = new Ffmpeg(ffmpegPath);
		this.ffmpegAvailable = Lazy.of(this.ffmpeg::available);
		this.transcriber = Lazy.of(() -> new SpeechTranscriber(this.ffmpeg,
				new TranscriptionEndpoint(settings, json, clock), settings, json));
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayWhetherRecordingsCanBeTranscribed() {
		Thread check = new Thread(() -> {
			if (available()) {
				log.info("Speech is transcribed with {} at {}", this.settings.model(), this.settings.endpoint());
			}
			else {
				log.info("Speech cannot be transcribed here: {}", missing());
			}
		}, "sightline-speech-check");
		check.setDaemon(true);
		check.start();
	}

	/** Whether an endpoint is set and ffmpeg runs. */
	public boolean available() {
		return this.settings.configured() && this.ffmpegAvailable.get();
	}

	/** The model that transcribes, for cache keys and sentences. */
	public String model() {
		return this.settings.model();
	}

	/**
	 * What is missing to transcribe, as the part of a sentence that says what to set
	 * ("set sightline.asr.base-url to …").
	 */
	public String missing() {
		if (!this.settings.configured()) {
			return "set sightline.asr.base-url to a transcription endpoint (OpenAI's /v1/audio/transcriptions or a"
					+ " local one such as speaches or whisper.cpp's server)"
					+ (this.ffmpegAvailable.get() ? "" : ", and install ffmpeg");
		}
		return "install ffmpeg (Debian: apt install ffmpeg) or set sightline.ffmpeg.path";
	}

	/**
	 * Refuses audio longer than this server transcribes.
	 * @throws SourceFailure {@code asr.too_long} with the way out
	 */
	public void checkLength(double seconds) {
		checkLength(seconds, this.settings);
	}

	static void checkLength(double seconds, SpeechSettings settings) {
		long longest = settings.maxDuration().toSeconds();
		if (seconds > longest) {
			throw SourceFailure.permanent("asr.too_long",
					"The audio lasts " + duration(seconds) + ", longer than the " + duration(longest)
							+ " this server transcribes (sightline.asr.max-duration); upload a shorter part of it, or"
							+ " its transcript.");
		}
	}

	/** "2 h 5 min", "45 min", "5 min 16 s", "30 s". */
	static String duration(double seconds) {
		long whole = Math.round(seconds);
		long minutes = whole / 60;
		if (minutes < 60) {
			String secondsPart = (whole % 60 != 0) ? whole % 60 + " s" : "";
			return (minutes == 0) ? secondsPart : (minutes + " min " + secondsPart).strip();
		}
		return (minutes / 60) + " h" + ((minutes % 60 != 0) ? " " + (minutes % 60) + " min" : "");
	}

	/**
	 * How long a recording's sound lasts, in seconds.
	 * @throws io.sightline.source.SourceFailure when it is not audio or video
	 */
	public double audioSeconds(Path recording, Runnable tick) {
		return this.ffmpeg.audioSeconds(recording, tick);
	}

	/**
	 * A recording's speech as timed segments, in the task's scratch directory (removed
	 * after, whatever happens).
	 */
	public List<Segment> transcribe(Path recording, UUID taskId, SourceProgress progress, Worklog worklog) {
		Path work = this.media.workDirectory(taskId);
		try {
			return this.transcriber.get().transcribe(recording, work, progress, worklog);
		}
		finally {
			MediaFiles.deleteTree(work);
		}
	}

}
