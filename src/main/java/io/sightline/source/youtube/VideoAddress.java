package io.sightline.source.youtube;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.SourceFailure;

/**
 * Reads a video id out of the many shapes of YouTube address: {@code watch?v=},
 * {@code youtu.be/}, {@code /shorts/}, {@code /live/}, {@code /embed/}, {@code /v/}, on
 * the {@code www.}, {@code m.}, {@code music.} and no-cookie hosts, with any extra
 * parameters. Playlists and channels are lists ({@link ListAddress}); their other pages
 * are refused with a sentence.
 */
final class VideoAddress {

	private static final Set<String> HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
			"music.youtube.com", "youtu.be", "www.youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{11}");

	private static final Pattern PATH_ID = Pattern.compile("^/(?:shorts|live|embed|v|e)/([^/?#]+)/?$");

	private static final Pattern CHANNEL = Pattern.compile("^/(?:@[^/]+|channel/[^/]+|c/[^/]+|user/[^/]+)(/.*)?$");

	private VideoAddress() {
	}

	static boolean isYouTube(String url) {
		return host(url).map(HOSTS::contains).orElse(false);
	}

	/**
	 * The video id of a YouTube address, or a permanent failure that says why there is
	 * none.
	 */
	static String videoId(String url) {
		URI uri = parse(url).orElseThrow(() -> notAVideo(url));
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (host.endsWith("youtu.be")) {
			return checkId(path.replaceFirst("^/", "").replaceFirst("/$", ""), url);
		}
		Optional<String> v = parameter(uri.getRawQuery(), "v");
		if (v.isPresent() && (path.equals("/watch") || path.equals("/watch/") || path.isEmpty() || path.equals("/"))) {
			return checkId(v.get(), url);
		}
		Matcher inPath = PATH_ID.matcher(path);
		if (inPath.matches()) {
			return checkId(inPath.group(1), url);
		}
		if (parameter(uri.getRawQuery(), "list").isPresent() || path.startsWith("/playlist")) {
			throw SourceFailure.permanent("request.youtube_playlist",
					url + " is a playlist page that names no playlist Sightline can read; copy the playlist's address"
							+ " (https://www.youtube.com/playlist?list=…) or one of its videos.");
		}
		if (CHANNEL.matcher(path).matches()) {
			throw SourceFailure.permanent("request.youtube_channel",
					url + " is a channel page Sightline does not read; paste the channel's own address"
							+ " (https://www.youtube.com/@name, which lists its videos) or one of its videos.");
		}
		throw notAVideo(url);
	}

	/** The address people open in a browser, whatever shape the user pasted. */
	static String canonical(String videoId) {
		return "https://www.youtube.com/watch?v=" + videoId;
	}

	private static String checkId(String candidate, String url) {
		if (!ID.matcher(candidate).matches()) {
			throw SourceFailure.permanent("request.invalid_video_id",
					"'" + candidate + "' in " + url + " is not a YouTube video id (11 letters,"
							+ " digits, - or _); copy the address from the video's Share button.");
		}
		return candidate;
	}

	private static SourceFailure notAVideo(String url) {
		return SourceFailure.permanent("request.not_a_video",
				url + " is not the address of a YouTube video; paste one such as"
						+ " https://www.youtube.com/watch?v=GJLlxj_dtq8.");
	}

	static Optional<String> parameter(String query, String name) {
		if (query == null) {
			return Optional.empty();
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (key.equals(name) && equals >= 0 && equals < pair.length() - 1) {
				return Optional.of(pair.substring(equals + 1));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> host(String url) {
		return parse(url).map((uri) -> uri.getHost().toLowerCase(Locale.ROOT));
	}

	static Optional<URI> parse(String url) {
		if (url == null) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url.strip());
			return (uri.getHost() != null) ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

}
