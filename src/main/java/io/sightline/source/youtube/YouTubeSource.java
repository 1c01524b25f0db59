package io.sightline.source.youtube;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceProgress;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptChoice;
import io.sightline.source.TranscriptVariant;
import io.sightline.source.speech.Speech;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
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

	/** The share of the transcript stage's bar that downloading a video's audio takes. */
	private static final double DOWNLOAD_SHARE = 0.3;

	private static final double MEGABYTE = 1024 * 1024;

	private final JsonMapper json;

	private final YouTubeClient client;

	private final YouTubeProperties properties;

	private final Clock clock;

	private final Speech speech;

	private final MediaFiles media;

	@Autowired
	YouTubeSource(YouTubeProperties properties, Clock clock, JsonMapper json, Speech speech, MediaFiles media) {
		this.properties = properties;
		this.clock = clock;
		this.json = json;
		this.speech = speech;
		this.media = media;
		this.client = new YouTubeClient(properties, clock);
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
			return transcribeAudio(request, videoId);
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
	 * "Downloading audio 34 % (12 of 35 MB)": megabytes with a decimal below ten, whole
	 * above.
	 */
	static String downloaded(long bytes, long total) {
		if (total <= 0) {
			return String.format(Locale.ROOT, "Downloading audio (%s MB)", megabytes(bytes, bytes));
		}
		return String.format(Locale.ROOT, "Downloading audio %d %% (%s of %s MB)", 100 * bytes / total,
				megabytes(bytes, total), megabytes(total, total));
	}

	private static String megabytes(long bytes, long scale) {
		return String.format(Locale.ROOT, (scale < 10 * MEGABYTE) ? "%.1f" : "%.0f", bytes / MEGABYTE);
	}

	/**
	 * A video without captions, read by transcribing its audio: the stream chosen from
	 * the player answer of the client that gets stream addresses, downloaded in ranges
	 * (the first third of the stage's bar), then transcribed (the rest). The download is
	 * removed after, whatever happens.
	 */
	private Transcript transcribeAudio(SourceRequest request, String videoId) {
		if (!this.speech.available()) {
			throw YouTubeFailures.noCaptionsToTranscribe(this.speech.missing());
		}
		PlayerAnswer player = PlayerAnswer.parse(this.json,
				this.client.audioPlayer(this.client.apiKey(videoId), videoId));
		player.checkPlayable(videoId);
		AudioStream stream = AudioStream.choose(player.audioStreams()).orElseThrow(YouTubeFailures::noAudio);
		SourceProgress progress = request.progress();
		Path audio = this.media.newRecording(request.taskId(),
				stream.mimeType().contains("webm") ? "audio.webm" : "audio.m4a");
		try {
			progress.advanced(0, "Downloading audio...");
			this.client.download(stream, audio, (bytes, total) -> progress
				.advanced((total > 0) ? DOWNLOAD_SHARE * bytes / total : 0, downloaded(bytes, total)));
			List<Segment> segments = this.speech.transcribe(audio, request.taskId(), progress.within(DOWNLOAD_SHARE, 1),
					request.worklog());
			return new Transcript(segments, request.language(), 0);
		}
		finally {
			MediaFiles.deleteQuietly(audio);
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
