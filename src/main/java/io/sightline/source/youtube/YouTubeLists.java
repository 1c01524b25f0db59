package io.sightline.source.youtube;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.ListSource;
import io.sightline.source.Listing;
import io.sightline.source.Listing.ListedItem;
import io.sightline.source.SourceFailure;
import io.sightline.system.Timestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * YouTube playlists and channels, read through the innertube browse API as YouTube's web
 * client reads them in 2026: a playlist's header, then its videos page by page from a
 * first continuation token built as the web client builds it; a channel (its handle
 * resolved first) from its Videos tab, newest first. Pages are followed until the limit
 * is reached or the list ends; videos YouTube will not play are passed over.
 */
@Component
class YouTubeLists implements ListSource {

	/** The browse parameters of a playlist's header, and of a channel's Videos tab. */
	private static final String PLAYLIST_PARAMS = "wgYCCAA%3D";

	private static final String VIDEOS_TAB_PARAMS = "EgZ2aWRlb3PyBgQKAjoA";

	/** The playlist page's sort and filter, as the web client sends them. */
	private static final String PLAYLIST_PAGE = "CADCBgIIAA%3D%3D";

	/** A last stop for lists that never end: no one summarizes more from one address. */
	private static final int MOST_PAGES = 100;

	private static final Pattern AGO = Pattern.compile("\\b(\\d+) (second|minute|hour|day|week|month|year)s? ago\\b",
			Pattern.CASE_INSENSITIVE);

	private final YouTubeClient client;

	private final JsonMapper json;

	private final Clock clock;

	YouTubeLists(YouTubeClient client, JsonMapper json, Clock clock) {
		this.client = client;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public boolean dated(String url) {
		return ListAddress.of(url).map((address) -> address.kind() != ListAddress.Kind.PLAYLIST).orElse(false);
	}

	@Override
	public boolean supports(String url) {
		return ListAddress.of(url).isPresent();
	}

	@Override
	public Listing list(String url, int limit, LocalDate since) {
		ListAddress address = ListAddress.of(url)
			.orElseThrow(() -> SourceFailure.permanent("request.not_a_list",
					url + " is not the address of a YouTube playlist or channel; paste one such as"
							+ " https://www.youtube.com/playlist?list=… or https://www.youtube.com/@name."));
		return switch (address.kind()) {
			case PLAYLIST -> playlist(address, limit);
			case CHANNEL -> channel(address, address.id(), limit, since);
			case NAMED_CHANNEL -> channel(address, resolve(address), limit, since);
		};
	}

	private Listing playlist(ListAddress address, int limit) {
		JsonNode header = read(this.client.browse("\"browseId\":" + YouTubeClient.quoted("VL" + address.id())
				+ ",\"params\":" + YouTubeClient.quoted(PLAYLIST_PARAMS), "playlist"), "playlist");
		String title = text(header.path("header").path("pageHeaderRenderer").path("pageTitle"));
		if (title.isEmpty()) {
			title = text(header.path("microformat").path("microformatDataRenderer").path("title"));
		}
		return pages(title.isEmpty() ? "YouTube playlist " + address.id() : title, "playlist", address,
				firstPlaylistPage(address.id()), null, limit, null);
	}

	private Listing channel(ListAddress address, String channelId, int limit, LocalDate since) {
		JsonNode page = read(this.client.browse("\"browseId\":" + YouTubeClient.quoted(channelId) + ",\"params\":"
				+ YouTubeClient.quoted(VIDEOS_TAB_PARAMS), "channel"), "channel");
		String title = text(page.path("metadata").path("channelMetadataRenderer").path("title"));
		JsonNode items = null;
		for (JsonNode tab : page.path("contents").path("twoColumnBrowseResultsRenderer").path("tabs")) {
			JsonNode grid = tab.path("tabRenderer").path("content").path("richGridRenderer");
			if (tab.path("tabRenderer").path("selected").asBoolean(false) && grid.isObject()) {
				items = grid.path("contents");
			}
		}
		if (items == null) {
			throw YouTubeFailures.unparsable("channel's Videos tab");
		}
		return pages(title.isEmpty() ? "YouTube channel " + channelId : title, "channel", address, null, items, limit,
				since);
	}

	/**
	 * Reads items from {@code first} (or, when null, the page {@code token} names) and
	 * the pages after it until {@code limit} items are in or the list ends; with a
	 * {@code since} date (a channel, newest first), until an item is older.
	 */
	private Listing pages(String title, String kind, ListAddress address, String token, JsonNode first, int limit,
			LocalDate since) {
		List<ListedItem> items = new ArrayList<>();
		Instant now = this.clock.instant();
		String next = (first != null) ? collect(first, items, now) : token;
		for (int page = 0; next != null && items.size() < limit && page < MOST_PAGES
				&& allSince(items, since); page++) {
			JsonNode answer = read(this.client.browse("\"continuation\":" + YouTubeClient.quoted(next), kind), kind);
			next = null;
			for (JsonNode action : answer.path("onResponseReceivedActions")) {
				JsonNode reload = action.path("reloadContinuationItemsCommand").path("continuationItems");
				JsonNode append = action.path("appendContinuationItemsAction").path("continuationItems");
				String found = collect(reload.isArray() ? reload : append, items, now);
				next = (found != null) ? found : next;
			}
		}
		boolean more = (next != null && allSince(items, since)) || items.size() > limit;
		List<ListedItem> taken = items.stream().filter((item) -> item.publishedSince(since)).limit(limit).toList();
		return new Listing(title, kind, address.canonical(), taken, more && taken.size() == limit);
	}

	private static boolean allSince(List<ListedItem> items, LocalDate since) {
		return items.stream().allMatch((item) -> item.publishedSince(since));
	}

	/**
	 * Adds the playable videos among {@code renderers} to {@code items}; answers the
	 * continuation token of the next page, or null at the end.
	 */
	private static String collect(JsonNode renderers, List<ListedItem> items, Instant now) {
		String next = null;
		for (JsonNode renderer : renderers) {
			JsonNode playlistVideo = renderer.path("playlistVideoRenderer");
			JsonNode content = renderer.path("richItemRenderer").path("content");
			if (playlistVideo.isObject()) {
				if (playlistVideo.path("isPlayable").asBoolean(true) && playlistVideo.hasNonNull("videoId")) {
					items.add(item(playlistVideo.path("videoId").asString(), text(playlistVideo.path("title")),
							seconds(playlistVideo.path("lengthSeconds").asString("")), null));
				}
			}
			else if (content.path("lockupViewModel").isObject()) {
				JsonNode lockup = content.path("lockupViewModel");
				if (lockup.path("contentType").asString("").equals("LOCKUP_CONTENT_TYPE_VIDEO")) {
					items.add(item(lockup.path("contentId").asString(),
							lockup.path("metadata")
								.path("lockupMetadataViewModel")
								.path("title")
								.path("content")
								.asString(""),
							seconds(badge(lockup)), published(lockup, now)));
				}
			}
			else if (content.path("videoRenderer").isObject()) {
				JsonNode video = content.path("videoRenderer");
				items.add(item(video.path("videoId").asString(), text(video.path("title")),
						seconds(video.path("lengthText").path("simpleText").asString("")),
						ago(text(video.path("publishedTimeText")), now)));
			}
			else if (renderer.has("continuationItemRenderer")) {
				String token = renderer.path("continuationItemRenderer")
					.path("continuationEndpoint")
					.path("continuationCommand")
					.path("token")
					.asString("");
				next = token.isEmpty() ? null : token;
			}
		}
		return next;
	}

	private static ListedItem item(String videoId, String title, Integer seconds, Instant published) {
		return new ListedItem(VideoAddress.canonical(videoId), title.isEmpty() ? "YouTube video " + videoId : title,
				seconds, published, null, null, null);
	}

	/** When a channel's video was published, from its "13 days ago", or null. */
	private static Instant published(JsonNode lockup, Instant now) {
		JsonNode rows = lockup.path("metadata")
			.path("lockupMetadataViewModel")
			.path("metadata")
			.path("contentMetadataViewModel")
			.path("metadataRows");
		for (JsonNode row : rows) {
			for (JsonNode part : row.path("metadataParts")) {
				Instant at = ago(part.path("text").path("content").asString(""), now);
				if (at != null) {
					return at;
				}
			}
		}
		return null;
	}

	/**
	 * The latest moment "13 days ago" or "Streamed 2 weeks ago" may mean (a month is 30
	 * days at least, a year 365), or null for any other text.
	 */
	static Instant ago(String text, Instant now) {
		Matcher ago = AGO.matcher(text);
		if (!ago.find()) {
			return null;
		}
		long count = Long.parseLong(ago.group(1));
		Duration unit = switch (ago.group(2).toLowerCase(Locale.ROOT)) {
			case "second" -> Duration.ofSeconds(1);
			case "minute" -> Duration.ofMinutes(1);
			case "hour" -> Duration.ofHours(1);
			case "day" -> Duration.ofDays(1);
			case "week" -> Duration.ofDays(7);
			case "month" -> Duration.ofDays(30);
			default -> Duration.ofDays(365);
		};
		return now.minus(unit.multipliedBy(count));
	}

	/** The length a video's thumbnail shows ("1:07:34"), or empty. */
	private static String badge(JsonNode lockup) {
		for (JsonNode overlay : lockup.path("contentImage").path("thumbnailViewModel").path("overlays")) {
			for (JsonNode badge : overlay.path("thumbnailBottomOverlayViewModel").path("badges")) {
				String text = badge.path("thumbnailBadgeViewModel").path("text").asString("");
				if (text.matches("\\d+(:\\d{2}){1,2}")) {
					return text;
				}
			}
		}
		return "";
	}

	private static Integer seconds(String text) {
		if (text.matches("\\d+")) {
			return Integer.valueOf(text);
		}
		Double seconds = text.isEmpty() ? null : Timestamps.seconds(text);
		return (seconds != null) ? (int) Math.round(seconds) : null;
	}

	/** The channel id a handle or a custom or user name stands for. */
	private String resolve(ListAddress address) {
		JsonNode answer = read(this.client.resolveUrl("https://www.youtube.com/" + address.id(), "channel"), "channel");
		String channelId = answer.path("endpoint").path("browseEndpoint").path("browseId").asString("");
		if (!channelId.startsWith("UC")) {
			throw YouTubeFailures.listNotFound("channel");
		}
		return channelId;
	}

	/** The answer as JSON; an answer that is an error alert is a permanent failure. */
	private JsonNode read(String answer, String what) {
		JsonNode tree;
		try {
			tree = this.json.readTree(answer);
		}
		catch (RuntimeException ex) {
			throw YouTubeFailures.unparsable(what + " page");
		}
		for (JsonNode alert : tree.path("alerts")) {
			JsonNode renderer = alert.path("alertRenderer");
			if (renderer.path("type").asString("").equals("ERROR")) {
				String says = text(renderer.path("text"));
				throw says.contains("does not exist") ? YouTubeFailures.listNotFound(what)
						: YouTubeFailures.listUnavailable(what, says);
			}
		}
		return tree;
	}

	/** A text field's words: {@code simpleText}, {@code content} or its runs joined. */
	private static String text(JsonNode field) {
		if (field.isString()) {
			return field.asString();
		}
		if (field.hasNonNull("simpleText")) {
			return field.path("simpleText").asString();
		}
		if (field.hasNonNull("content")) {
			return field.path("content").asString();
		}
		StringBuilder text = new StringBuilder();
		field.path("runs").forEach((run) -> text.append(run.path("text").asString("")));
		return text.toString().strip();
	}

	/**
	 * The token of a playlist's first page of videos, as the web client makes it: a
	 * protobuf message (field 80226972 holding the browse id, the page's parameters and
	 * the playlist id), base64 in the URL-safe alphabet.
	 */
	static String firstPlaylistPage(String playlistId) {
		ByteArrayOutputStream inner = new ByteArrayOutputStream();
		field(inner, 2, ("VL" + playlistId).getBytes(StandardCharsets.UTF_8));
		field(inner, 3, PLAYLIST_PAGE.getBytes(StandardCharsets.UTF_8));
		field(inner, 35, playlistId.getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream outer = new ByteArrayOutputStream();
		field(outer, 80226972, inner.toByteArray());
		return Base64.getUrlEncoder().encodeToString(outer.toByteArray());
	}

	/** A length-delimited protobuf field. */
	private static void field(ByteArrayOutputStream out, int number, byte[] value) {
		varint(out, ((long) number << 3) | 2);
		varint(out, value.length);
		out.writeBytes(value);
	}

	private static void varint(ByteArrayOutputStream out, long value) {
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			out.write((int) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		out.write((int) rest);
	}

}
