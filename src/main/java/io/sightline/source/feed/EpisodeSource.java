package io.sightline.source.feed;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.sightline.source.Listing.ListedItem;
import io.sightline.source.MediaFiles;
import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceProgress;
import io.sightline.source.SourceProperties;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.fetch.GuardedFetcher;
import io.sightline.source.fetch.Page;
import io.sightline.source.speech.Speech;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A podcast episode, as its feed described it: read from its {@code podcast:transcript}
 * when the feed gives one (no audio is fetched then), else by downloading its enclosure
 * through the {@link GuardedFetcher} and transcribing it. Without speech-to-text, an
 * episode without a transcript fails with the sentence that says what to set.
 */
@Component
@Order(5)
class EpisodeSource implements Source {

	/** The share of the transcript stage's bar that downloading the audio takes. */
	private static final double DOWNLOAD_SHARE = 0.3;

	private final GuardedFetcher fetcher;

	private final Speech speech;

	private final MediaFiles media;

	private final JsonMapper json;

	private final int maxWords;

	EpisodeSource(GuardedFetcher fetcher, Speech speech, MediaFiles media, JsonMapper json,
			SourceProperties properties) {
		this.fetcher = fetcher;
		this.speech = speech;
		this.media = media;
		this.json = json;
		this.maxWords = properties.maxWords();
	}

	@Override
	public boolean supports(SourceRequest request) {
		return request.url() != null && request.item() != null && request.item().isEpisode();
	}

	@Override
	public SourceMetadata metadata(SourceRequest request) {
		ListedItem episode = request.item();
		if (episode.transcriptUrl() == null) {
			checkCanTranscribe();
			if (episode.durationSeconds() != null) {
				this.speech.checkLength(episode.durationSeconds());
			}
		}
		return new SourceMetadata(episode.title(), request.url(), "podcast", host(request.url()),
				episode.durationSeconds(), null, request.language());
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		ListedItem episode = request.item();
		if (episode.transcriptUrl() != null) {
			request.progress().advanced(0, "Reading the episode's transcript...");
			URI address = URI.create(episode.transcriptUrl());
			Page file = this.fetcher.getDocument(address);
			String type = (episode.transcriptType() != null) ? episode.transcriptType() : file.mediaType();
			Transcript read = EpisodeTranscripts.read(type, file.url().toString(), file.body(), file.charset(),
					this.maxWords, this.json);
			return new Transcript(read.segments(), request.language(), read.skippedCues(), read.wordsLeftOut());
		}
		checkCanTranscribe();
		return transcribeAudio(request);
	}

	@Override
	public boolean transcribes(SourceRequest request, SourceMetadata metadata) {
		return request.item().transcriptUrl() == null;
	}

	@Override
	public String name() {
		return "podcast";
	}

	/**
	 * The episode's audio, downloaded into the task's scratch directory (the first third
	 * of the stage's bar), then transcribed; the download is removed after, whatever
	 * happens.
	 */
	private Transcript transcribeAudio(SourceRequest request) {
		SourceProgress progress = request.progress();
		// said at once, not merged away by a download that ends before the next write
		progress.milestone(0, "Downloading audio...");
		Path audio = this.media.newRecording(request.taskId(), "episode" + extension(request.item().mediaType()));
		try {
			this.fetcher.download(URI.create(request.url()), audio,
					(bytes, total) -> progress.downloaded(DOWNLOAD_SHARE, bytes, total));
			if (request.item().durationSeconds() == null) {
				this.speech.checkLength(this.speech.audioSeconds(audio, () -> progress.advanced(DOWNLOAD_SHARE, null)));
			}
			List<Segment> segments = this.speech.transcribe(audio, request.taskId(), progress.within(DOWNLOAD_SHARE, 1),
					request.worklog());
			return new Transcript(segments, request.language(), 0);
		}
		finally {
			MediaFiles.deleteQuietly(audio);
		}
	}

	private void checkCanTranscribe() {
		if (!this.speech.available()) {
			throw SourceFailure.permanent("podcast.no_transcript",
					"This episode's feed gives no transcript, and this server cannot transcribe its audio: "
							+ this.speech.missing() + "; or upload the episode's transcript instead.");
		}
	}

	/** A file extension ffmpeg recognizes the audio by. */
	private static String extension(String mediaType) {
		String type = (mediaType != null) ? mediaType.toLowerCase(Locale.ROOT) : "";
		if (type.contains("mpeg") || type.contains("mp3")) {
			return ".mp3";
		}
		if (type.contains("mp4") || type.contains("m4a") || type.contains("aac")) {
			return ".m4a";
		}
		if (type.contains("ogg") || type.contains("opus")) {
			return ".ogg";
		}
		if (type.contains("webm")) {
			return ".webm";
		}
		return (type.contains("wav")) ? ".wav" : ".audio";
	}

	private static String host(String url) {
		try {
			return URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
