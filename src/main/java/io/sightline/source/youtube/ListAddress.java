package io.sightline.source.youtube;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YouTube address that names a list: a playlist ({@code list=} on {@code /playlist}, or
 * on {@code /watch} without a video: with one, the video is what YouTube plays), a
 * channel by id ({@code /channel/UC…}) or by a name YouTube resolves ({@code /@handle},
 * {@code /c/name}, {@code /user/name}), with or without its {@code /videos} tab.
 *
 * @param kind what the address names
 * @param id the playlist id, the channel id, or the path YouTube resolves
 * ({@code @handle})
 */
record ListAddress(Kind kind, String id) {

	private static final Pattern PLAYLIST_ID = Pattern.compile("[A-Za-z0-9_-]{2,64}");

	private static final Pattern CHANNEL_ID = Pattern.compile("^/channel/([A-Za-z0-9_-]+)(?:/videos)?/?$");

	private static final Pattern NAMED = Pattern.compile("^/(@[^/]+|c/[^/]+|user/[^/]+)(?:/videos)?/?$");

	enum Kind {

		PLAYLIST, CHANNEL, NAMED_CHANNEL

	}

	/** The list an address names, or empty for any other address. */
	static Optional<ListAddress> of(String url) {
		if (!VideoAddress.isYouTube(url)) {
			return Optional.empty();
		}
		URI uri = VideoAddress.parse(url).orElseThrow();
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		Optional<String> list = VideoAddress.parameter(uri.getRawQuery(), "list");
		boolean video = VideoAddress.parameter(uri.getRawQuery(), "v").isPresent();
		if (list.isPresent() && PLAYLIST_ID.matcher(list.get()).matches()
				&& (path.startsWith("/playlist") || (path.startsWith("/watch") && !video))) {
			return Optional.of(new ListAddress(Kind.PLAYLIST, list.get()));
		}
		Matcher channel = CHANNEL_ID.matcher(path);
		if (channel.matches()) {
			return Optional.of(new ListAddress(Kind.CHANNEL, channel.group(1)));
		}
		Matcher named = NAMED.matcher(path);
		if (named.matches()) {
			return Optional.of(new ListAddress(Kind.NAMED_CHANNEL, named.group(1)));
		}
		return Optional.empty();
	}

	/** The address people open: the playlist's page, the channel's Videos tab. */
	String canonical() {
		return switch (this.kind) {
			case PLAYLIST -> "https://www.youtube.com/playlist?list=" + this.id;
			case CHANNEL -> "https://www.youtube.com/channel/" + this.id + "/videos";
			case NAMED_CHANNEL -> "https://www.youtube.com/" + this.id + "/videos";
		};
	}

}
