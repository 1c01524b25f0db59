package io.sightline.source.youtube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceProgress;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptChoice;
import io.sightline.source.TranscriptVariant;
import io.sightline.source.speech.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A YouTube video, read through its captions: the metadata stage asks the watch page for
 * the innertube key and the player API for the video's details and caption tracks; the
 * transcript stage picks a track and reads its timed text. Never falls back to the
 * description.
 */
@Component
@Order(10)
class YouTubeSource implements Source {

	private static final Logger log = LoggerFactory.getLogger(YouTubeSource.class);

	/** The share of the transcript stage's bar that downloading a video's audio takes. */
	private static final double DOWNLOAD_SHARE = 0.3;

	private final JsonMapper json;

	private final YouTubeClient client;

	private final YouTubeProperties properties;

	private final Clock clock;

	private final Speech speech;

	private final MediaFiles media;

	/** Downloads audio where {@code sightline.youtube.yt-dlp} is set; else null. */
	private final YtDlp ytDlp;

	YouTubeSource(YouTubeProperties properties, Clock clock, JsonMapper json, Speech speech, MediaFiles media) {
		this(properties, clock, json, speech, media, new YouTubeClient(properties, clock));
	}

	@Autowired
	YouTubeSource(YouTubeProperties properties, Clock clock, JsonMapper json, Speech speech, MediaFiles media,
			YouTubeClient client) {
		this.properties = properties;
		this.clock = clock;
		this.json = json;
		this.speech = speech;
		this.media = media;
		this.client = client;
		this.ytDlp = (properties.ytDlp() != null && !properties.ytDlp().isBlank())
				? new YtDlp(properties.ytDlp().strip(), properties.proxy(), properties.cookies(),
						properties.audio().maxSize().toBytes())
				: null;
	}

	/** Says once, after start, whether the yt-dlp that is set runs. */
	@EventListener(ApplicationReadyEvent.class)
	void sayWhetherYtDlpRuns() {
		if (this.ytDlp == null) {
			return;
		}
		Thread check = new Thread(() -> {
			if (this.ytDlp.available()) {
				log.info("Audio of videos is downloaded with yt-dlp ({})", this.properties.ytDlp());
			}
			else {
				log.warn(
						"sightline.youtube.yt-dlp is {}, which does not run; videos that need their audio"
								+ " transcribed will fail until it is installed (Debian: apt install yt-dlp)",
						this.properties.ytDlp());
			}
		}, "sightline-yt-dlp-check");
		check.setDaemon(true);
		check.start();
	}

	@Override
	public boolean supports(SourceRequest request) {
		return request.url() != null && VideoAddress.isYouTube(request.url());
	}

	@Override
	public void check(SourceRequest request) {
		VideoAddress.videoId(request.url());
		if (request.transcript() == TranscriptChoice.ASR && !this.speech.available()) {
			throw YouTubeFailures.cannotTranscribe(this.speech.missing());
		}
	}

	@Override
	public Optional<String> address(String url) {
		if (!VideoAddress.isYouTube(url)) {
			return Optional.empty();
		}
		try {
			return Optional.of(VideoAddress.canonical(VideoAddress.videoId(url)));
		}
		catch (SourceFailure notAVideo) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<String> contentId(SourceRequest request) {
		return Optional.of("youtube:" + VideoAddress.videoId(request.url()));
	}

	@Override
	public SourceMetadata metadata(SourceRequest request) {
		String videoId = VideoAddress.videoId(request.url());
		PlayerAnswer player = player(videoId);
		String title = player.title().isEmpty() ? "YouTube video " + videoId : player.title();
		Integer duration = player.durationSeconds();
		return new SourceMetadata(title, VideoAddress.canonical(videoId), "youtube", player.channel(), duration,
				player.thumbnailUrl(), request.language(), Chapters.parse(player.description(), duration),
				this.json.writeValueAsString(player.captions(this.clock.instant())));
	}

	@Override
	public TranscriptVariant variant(SourceRequest request, SourceMetadata metadata) {
		if (fromAudio(request, metadata)) {
			// transcribed from its audio: kept per model, so a video is transcribed once
			if (!this.speech.available()) {
				throw (request.transcript() == TranscriptChoice.ASR)
						? YouTubeFailures.cannotTranscribe(this.speech.missing())
						: YouTubeFailures.noCaptionsToTranscribe(this.speech.missing());
			}
			return new TranscriptVariant(request.language(), "asr:" + this.speech.model(),
					"speech-to-text of the audio with " + this.speech.model());
		}
		return choose(request, listed(request, metadata)).variant();
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		String videoId = VideoAddress.videoId(request.url());
		if (fromAudio(request, metadata)) {
			return transcribeAudio(request, videoId, metadata.durationSeconds());
		}
		CaptionList captions = captions(metadata);
		Instant stale = this.clock.instant().minus(this.properties.captionUrlLifetime());
		if (captions == null || captions.listedAt().isBefore(stale)) {
			captions = player(videoId).captions(this.clock.instant());
		}
		CaptionChoice choice = choose(request, captions);
		if (choice.track().needsPoToken()) {
			throw YouTubeFailures.poTokenRequired(choice.track().name());
		}
		List<Segment> segments = TimedText.parse(this.client.timedText(choice.track().url(), choice.translateTo()));
		if (segments.isEmpty()) {
			throw YouTubeFailures.emptyCaptions();
		}
		return new Transcript(segments, choice.variant().language(), 0);
	}

	@Override
	public boolean transcribes(SourceRequest request, SourceMetadata metadata) {
		return fromAudio(request, metadata);
	}

	@Override
	public boolean offers(TranscriptChoice choice) {
		return true;
	}

	/**
	 * Whether the transcript comes from the audio: asked for, or the video has no
	 * captions (and they were not asked for alone).
	 */
	private boolean fromAudio(SourceRequest request, SourceMetadata metadata) {
		if (request.transcript() == TranscriptChoice.ASR) {
			return true;
		}
		if (!listed(request, metadata).tracks().isEmpty()) {
			return false;
		}
		if (request.transcript() == TranscriptChoice.CAPTIONS) {
			throw YouTubeFailures.noCaptionsOnly();
		}
		return true;
	}

	/** The caption list kept in the metadata, else asked of the player. */
	private CaptionList listed(SourceRequest request, SourceMetadata metadata) {
		CaptionList captions = captions(metadata);
		return (captions != null) ? captions
				: player(VideoAddress.videoId(request.url())).captions(this.clock.instant());
	}

	@Override
	public String name() {
		return "youtube";
	}

	/**
	 * A video read by transcribing its audio: downloaded (the first third of the stage's
	 * bar) by yt-dlp where it is set, else from the stream chosen from the player answer
	 * of the client that gets stream addresses, in ranges; then transcribed (the rest).
	 * The download is removed after, whatever happens.
	 */
	private Transcript transcribeAudio(SourceRequest request, String videoId, Integer durationSeconds) {
		if (!this.speech.available()) {
			throw YouTubeFailures.noCaptionsToTranscribe(this.speech.missing());
		}
		if (durationSeconds != null) {
			this.speech.checkLength(durationSeconds);
		}
		SourceProgress progress = request.progress();
		YouTubeClient.Progress downloading = (bytes, total) -> progress.downloaded(DOWNLOAD_SHARE, bytes, total);
		progress.advanced(0, "Downloading audio...");
		Path audio = (this.ytDlp != null) ? downloadWithYtDlp(request, videoId, downloading)
				: download(request, videoId, downloading);
		try {
			List<Segment> segments = this.speech.transcribe(audio, request.taskId(), progress.within(DOWNLOAD_SHARE, 1),
					request.worklog());
			return new Transcript(segments, request.language(), 0);
		}
		finally {
			MediaFiles.deleteQuietly(audio);
		}
	}

	private Path download(SourceRequest request, String videoId, YouTubeClient.Progress downloading) {
		PlayerAnswer player = PlayerAnswer.parse(this.json,
				this.client.audioPlayer(this.client.apiKey(videoId), videoId));
		player.checkPlayable(videoId);
		AudioStream stream = AudioStream.choose(player.audioStreams()).orElseThrow(YouTubeFailures::noAudio);
		Path audio = this.media.newRecording(request.taskId(),
				stream.mimeType().contains("webm") ? "audio.webm" : "audio.m4a");
		try {
			this.client.download(stream, audio, downloading);
			return audio;
		}
		catch (RuntimeException | Error ex) {
			MediaFiles.deleteQuietly(audio);
			throw ex;
		}
	}

	/**
	 * The audio as yt-dlp downloads it into the task's scratch directory, then moved
	 * beside the task's other files (transcribing starts with a fresh scratch directory).
	 */
	private Path downloadWithYtDlp(SourceRequest request, String videoId, YouTubeClient.Progress downloading) {
		Path work = this.media.workDirectory(request.taskId());
		try {
			Path file = this.ytDlp.download(this.client.watchUrl(videoId), work, downloading,
					() -> request.progress().advanced(0, null));
			String name = file.getFileName().toString();
			Path audio = this.media.newRecording(request.taskId(), "audio" + name.substring(name.lastIndexOf('.')));
			return Files.move(file, audio, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			MediaFiles.deleteTree(work);
		}
	}

	private PlayerAnswer player(String videoId) {
		PlayerAnswer player = PlayerAnswer.parse(this.json, this.client.player(this.client.apiKey(videoId), videoId));
		player.checkPlayable(videoId);
		return player;
	}

	private CaptionChoice choose(SourceRequest request, CaptionList captions) {
		return CaptionChoice.choose(captions, CaptionChoice.wanted(request.language(), this.properties.languages()));
	}

	/**
	 * The caption list kept in the metadata; null if there is none or it is of an older
	 * form.
	 */
	private CaptionList captions(SourceMetadata metadata) {
		if (metadata.locator() == null) {
			return null;
		}
		try {
			CaptionList captions = this.json.readValue(metadata.locator(), CaptionList.class);
			return (captions.listedAt() != null && captions.tracks() != null) ? captions : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
