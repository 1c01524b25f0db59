package io.sightline.source.youtube;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.TranscriptVariant;
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

	private final JsonMapper json;

	private final YouTubeClient client;

	private final YouTubeProperties properties;

	private final Clock clock;

	@Autowired
	YouTubeSource(YouTubeProperties properties, Clock clock, JsonMapper json) {
		this.properties = properties;
		this.clock = clock;
		this.json = json;
		this.client = new YouTubeClient(properties, clock);
	}

	@Override
	public boolean supports(SourceRequest request) {
		return request.url() != null && VideoAddress.isYouTube(request.url());
	}

	@Override
	public void check(SourceRequest request) {
		VideoAddress.videoId(request.url());
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
		CaptionList captions = captions(metadata);
		if (captions == null) {
			captions = player(VideoAddress.videoId(request.url())).captions(this.clock.instant());
		}
		return choose(request, captions).variant();
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		String videoId = VideoAddress.videoId(request.url());
		CaptionList captions = captions(metadata);
		Instant stale = this.clock.instant().minus(this.properties.captionUrlLifetime());
		if (captions == null || captions.listedAt().isBefore(stale)) {
			PlayerAnswer player = player(videoId);
			captions = player.captions(this.clock.instant());
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
	public String name() {
		return "youtube";
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
