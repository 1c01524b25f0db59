package io.sightline.source.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.sightline.source.ListSource;
import io.sightline.source.Listing;
import io.sightline.source.Listing.ListedItem;
import io.sightline.source.SourceFailure;
import io.sightline.source.fetch.GuardedFetcher;
import io.sightline.source.fetch.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Podcast and news feeds (RSS 2.0, Atom), read through the {@link GuardedFetcher}: the
 * address of a feed, or of a page that links one ({@code <link rel="alternate">}). Items
 * newest first, each at its enclosure's address when it has audio or video (its
 * {@code podcast:transcript} kept with it), else at its page. Reads any web address but a
 * YouTube one; recognizes by its address alone only those that look like a feed
 * ({@code .rss}, {@code .xml}, {@code /feed}, a {@code feeds.} host), so a request for
 * another address is taken as a feed only when it asks for a list.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FeedLists implements ListSource {

	private static final Pattern FEED_PATH = Pattern
		.compile("(?i).*(\\.(rss|xml|atom|rdf)|/(feed|rss|atom|podcast|feed\\.xml|rss\\.xml|atom\\.xml)/?)$");

	private static final Pattern YOUTUBE_HOST = Pattern.compile("(?i)(.+\\.)?(youtube\\.com|youtu\\.be)");

	private static final String NEITHER = "; paste a podcast's or site's feed address (RSS or Atom), or leave limit and"
			+ " since out to summarize the page itself.";

	private final GuardedFetcher fetcher;

	FeedLists(GuardedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	@Override
	public boolean supports(String url) {
		return uri(url)
			.map((uri) -> uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
					&& uri.getHost() != null && !YOUTUBE_HOST.matcher(uri.getHost()).matches())
			.orElse(false);
	}

	@Override
	public boolean recognizes(String url) {
		return supports(url) && uri(url).map((uri) -> {
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			return host.startsWith("feeds.") || host.startsWith("feed.") || FEED_PATH.matcher(path).matches();
		}).orElse(false);
	}

	@Override
	public Listing list(String url, int limit, LocalDate since) {
		URI address = uri(url).orElseThrow(() -> SourceFailure.permanent("request.invalid_url",
				"The url is not a valid address: " + url + "; check it."));
		Page page = this.fetcher.getDocument(address);
		if (!page.isFeed()) {
			URI linked = linkedFeed(page).orElseThrow(() -> SourceFailure.permanent("feed.not_found",
					url + " is neither a feed nor a page that links one" + NEITHER));
			page = this.fetcher.getDocument(linked);
			if (!page.isFeed()) {
				throw SourceFailure.permanent("feed.not_found",
						"The feed " + linked + " that " + url + " links to is not an RSS or Atom feed" + NEITHER);
			}
		}
		Feed feed;
		try {
			feed = FeedParser.parse(page.body());
		}
		catch (IllegalArgumentException unreadable) {
			throw SourceFailure.permanent("feed.unreadable", "The feed at " + page.url() + " could not be read ("
					+ unreadable.getMessage() + "); check it in a feed validator, or paste another address.");
		}
		URI base = page.url();
		List<ListedItem> dated = new ArrayList<>();
		for (ListedItem item : feed.items()) {
			resolved(base, item).filter((kept) -> kept.publishedSince(since)).ifPresent(dated::add);
		}
		// newest first; items without a date keep their place after the dated ones
		dated.sort(Comparator.comparing(ListedItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
		String title = feed.title().isBlank() ? base.getHost() : feed.title();
		return new Listing(title, "feed", base.toString(), dated.subList(0, Math.min(limit, dated.size())),
				dated.size() > limit);
	}

	/**
	 * The item with its addresses made absolute against the feed's; empty when it has no
	 * address (an item with neither page, audio nor transcript cannot be summarized).
	 */
	private static Optional<ListedItem> resolved(URI base, ListedItem item) {
		Optional<String> url = absolute(base, item.url());
		if (url.isEmpty()) {
			return Optional.empty();
		}
		String transcript = absolute(base, item.transcriptUrl()).orElse(null);
		return Optional.of(new ListedItem(url.get(), item.title(), item.durationSeconds(), item.publishedAt(),
				item.mediaType(), transcript, (transcript != null) ? item.transcriptType() : null));
	}

	private static Optional<String> absolute(URI base, String href) {
		if (href == null || href.isBlank()) {
			return Optional.empty();
		}
		try {
			URI resolved = base.resolve(new URI(href.strip().replace(" ", "%20")));
			String scheme = (resolved.getScheme() != null) ? resolved.getScheme().toLowerCase(Locale.ROOT) : "";
			return scheme.matches("https?") ? Optional.of(resolved.toString()) : Optional.empty();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The feed an HTML page names in its head: RSS before Atom, the first of each.
	 */
	private static Optional<URI> linkedFeed(Page page) {
		String start = new String(page.body(), 0, Math.min(page.body().length, 1024), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		if (!page.mediaType().contains("html") && !start.contains("<html") && !start.contains("<!doctype html")) {
			return Optional.empty();
		}
		Charset charset = (page.charset() != null) ? page.charset() : StandardCharsets.UTF_8;
		Document document = Jsoup.parse(new String(page.body(), charset), page.url().toString());
		for (String type : List.of("application/rss+xml", "application/atom+xml")) {
			for (Element link : document.select("link[rel~=(?i)alternate][type=" + type + "][href]")) {
				Optional<String> href = absolute(page.url(), link.attr("href"));
				if (href.isPresent()) {
					return Optional.of(URI.create(href.get()));
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<URI> uri(String url) {
		if (url == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new URI(url.strip()));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

}
