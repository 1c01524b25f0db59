package io.sightline.source.youtube;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the innertube player API says about a video: whether it plays, its details and its
 * captions.
 */
final class PlayerAnswer {

	private final JsonNode root;

	private PlayerAnswer(JsonNode root) {
		this.root = root;
	}

	static PlayerAnswer parse(JsonMapper mapper, String json) {
		try {
			JsonNode root = mapper.readTree(json);
			if (!root.isObject()) {
				throw YouTubeFailures.unparsable("player data");
			}
			return new PlayerAnswer(root);
		}
		catch (JacksonException ex) {
			throw YouTubeFailures.unparsable("player data");
		}
	}

	/**
	 * Throws the failure that matches a video YouTube will not play; returns for one it
	 * will.
	 */
	void checkPlayable(String videoId) {
		JsonNode status = this.root.path("playabilityStatus");
		String code = status.path("status").asString("");
		String reason = status.path("reason").asString("");
		String lowerReason = reason.toLowerCase(Locale.ROOT);
		switch (code) {
			case "OK" -> {
			}
			case "LOGIN_REQUIRED" -> {
				if (lowerReason.contains("not a bot")) {
					throw YouTubeFailures.blocked("it asks to sign in to confirm this is not a bot", null);
				}
				if (lowerReason.contains("inappropriate") || lowerReason.contains("age")) {
					throw YouTubeFailures.ageRestricted();
				}
				if (lowerReason.contains("private")) {
					throw YouTubeFailures.privateVideo();
				}
				throw YouTubeFailures.loginRequired(reason.isEmpty() ? "sign-in required" : reason);
			}
			case "ERROR" -> {
				if (lowerReason.contains("private")) {
					throw YouTubeFailures.privateVideo();
				}
				if (lowerReason.contains("unavailable") || reason.isEmpty()) {
					throw YouTubeFailures.unavailable(videoId);
				}
				throw YouTubeFailures.unplayable(reason, subreasons(status));
			}
			case "LIVE_STREAM_OFFLINE" -> throw YouTubeFailures.notStarted(reason.isEmpty() ? "offline" : reason);
			case "" -> throw YouTubeFailures.unparsable("player data");
			default -> throw YouTubeFailures.unplayable(reason.isEmpty() ? code : reason, subreasons(status));
		}
	}

	private static List<String> subreasons(JsonNode status) {
		List<String> subreasons = new ArrayList<>();
		JsonNode renderer = status.path("errorScreen").path("playerErrorMessageRenderer");
		for (JsonNode run : renderer.path("subreason").path("runs")) {
			String text = run.path("text").asString("").strip();
			if (!text.isEmpty()) {
				subreasons.add(text);
			}
		}
		String simple = renderer.path("subreason").path("simpleText").asString("").strip();
		if (!simple.isEmpty()) {
			subreasons.add(simple);
		}
		return subreasons;
	}

	String title() {
		return this.root.path("videoDetails").path("title").asString("").strip();
	}

	String channel() {
		String author = this.root.path("videoDetails").path("author").asString("").strip();
		return author.isEmpty() ? null : author;
	}

	Integer durationSeconds() {
		int seconds = this.root.path("videoDetails").path("lengthSeconds").asInt(0);
		return (seconds > 0) ? seconds : null;
	}

	String description() {
		return this.root.path("videoDetails").path("shortDescription").asString("");
	}

	/** The widest thumbnail on offer. */
	String thumbnailUrl() {
		String best = null;
		int widest = -1;
		for (JsonNode thumbnail : this.root.path("videoDetails").path("thumbnail").path("thumbnails")) {
			int width = thumbnail.path("width").asInt(0);
			String url = thumbnail.path("url").asString("");
			if (!url.isEmpty() && width > widest) {
				widest = width;
				best = url;
			}
		}
		return best;
	}

	CaptionList captions(Instant listedAt) {
		JsonNode renderer = this.root.path("captions").path("playerCaptionsTracklistRenderer");
		List<CaptionTrack> tracks = new ArrayList<>();
		for (JsonNode track : renderer.path("captionTracks")) {
			String url = track.path("baseUrl").asString("");
			String language = track.path("languageCode").asString("");
			if (url.isEmpty() || language.isEmpty()) {
				continue;
			}
			tracks.add(new CaptionTrack(language, name(track.path("name"), language),
					"asr".equals(track.path("kind").asString("")), track.path("isTranslatable").asBoolean(false), url));
		}
		List<CaptionList.Translation> translations = new ArrayList<>();
		for (JsonNode translation : renderer.path("translationLanguages")) {
			String language = translation.path("languageCode").asString("");
			if (!language.isEmpty()) {
				translations
					.add(new CaptionList.Translation(language, name(translation.path("languageName"), language)));
			}
		}
		JsonNode source = renderer.path("defaultTranslationSourceTrackIndices").path(0);
		return new CaptionList(listedAt, tracks, translations, source.isNumber() ? source.asInt() : null);
	}

	private static String name(JsonNode name, String fallback) {
		String simple = name.path("simpleText").asString("");
		if (!simple.isEmpty()) {
			return simple;
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode run : name.path("runs")) {
			text.append(run.path("text").asString(""));
		}
		return (text.length() > 0) ? text.toString() : fallback;
	}

	/**
	 * The audio-only streams the answer lists with a URL (those behind a signature cipher
	 * cannot be read and are left out).
	 */
	List<AudioStream> audioStreams() {
		List<AudioStream> streams = new ArrayList<>();
		for (JsonNode format : this.root.path("streamingData").path("adaptiveFormats")) {
			String mime = format.path("mimeType").asString("");
			String url = format.path("url").asString("");
			if (!mime.startsWith("audio/") || url.isEmpty()) {
				continue;
			}
			String length = format.path("contentLength").asString("");
			JsonNode track = format.path("audioTrack");
			streams.add(new AudioStream(url, mime, format.path("bitrate").asInt(0),
					length.matches("\\d{1,15}") ? Long.valueOf(length) : null,
					track.path("id").isString() ? track.path("id").asString() : null,
					track.path("audioIsDefault").asBoolean(false)));
		}
		return streams;
	}

}
