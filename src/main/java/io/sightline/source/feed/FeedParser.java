package io.sightline.source.feed;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.sightline.source.Listing.ListedItem;
import io.sightline.system.Timestamps;

/**
 * Reads RSS 2.0 and Atom feeds, with the podcast namespaces: each item's title, page,
 * date, enclosure (audio or video), {@code itunes:duration} and
 * {@code podcast:transcript} (the best of those offered: timed subtitles first, then
 * JSON, plain text, HTML). No DTD and no external entity is ever read.
 */
final class FeedParser {

	/** Transcript types, best first: timed before untimed, plain before markup. */
	private static final List<String> TRANSCRIPT_TYPES = List.of("text/vtt", "application/x-subrip", "application/srt",
			"text/srt", "application/json", "text/plain", "text/html");

	private static final DateTimeFormatter RFC_822_NAMED_ZONE = DateTimeFormatter
		.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH);

	private static final Map<String, String> US_ZONES = Map.of("EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT",
			"-0500", "MST", "-0700", "MDT", "-0600", "PST", "-0800", "PDT", "-0700");

	private FeedParser() {
	}

	/**
	 * The feed in {@code bytes}.
	 * @throws IllegalArgumentException when they are not a well-formed RSS or Atom feed
	 */
	static Feed parse(byte[] bytes) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		try {
			XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
			try {
				while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
					// the root
				}
				String root = xml.getLocalName();
				if (!root.equals("rss") && !root.equals("feed") && !root.equals("RDF")) {
					throw new IllegalArgumentException("the document's root is <" + root + ">, not a feed's");
				}
				return new Reader(xml).read();
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * When an item was published: RFC 822 ({@code Mon, 2 Nov 2026 10:00:00 GMT}, with a
	 * numeric or a US zone) or ISO 8601; null when unreadable.
	 */
	static Instant date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip().replaceAll("\\s+", " ");
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException notRfc1123) {
			// try the others
		}
		String zone = value.substring(value.lastIndexOf(' ') + 1);
		if (US_ZONES.containsKey(zone)) {
			return date(value.substring(0, value.lastIndexOf(' ') + 1) + US_ZONES.get(zone));
		}
		try {
			return ZonedDateTime.parse(value, RFC_822_NAMED_ZONE).toInstant();
		}
		catch (DateTimeParseException notNamed) {
			// try ISO
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notIso) {
			return null;
		}
	}

	/** {@code itunes:duration}: seconds, {@code MM:SS} or {@code HH:MM:SS}; else null. */
	static Integer duration(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.matches("\\d+(\\.\\d+)?")) {
			return (int) Math.round(Double.parseDouble(value));
		}
		Double seconds = Timestamps.seconds(value);
		return (seconds != null) ? (int) Math.round(seconds) : null;
	}

	/** The rank of a transcript type among those read; lower is better, -1 unread. */
	static int rank(String type) {
		return (type != null) ? TRANSCRIPT_TYPES.indexOf(type.strip().toLowerCase(Locale.ROOT)) : -1;
	}

	/** Reads one document, element by element. */
	private static final class Reader {

		private final XMLStreamReader xml;

		private String title;

		private String link;

		private String language;

		private final List<ListedItem> items = new ArrayList<>();

		Reader(XMLStreamReader xml) {
			this.xml = xml;
		}

		Feed read() throws XMLStreamException {
			while (this.xml.hasNext()) {
				if (this.xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = this.xml.getLocalName();
				switch (name) {
					case "item", "entry" -> this.items.add(item(name));
					case "title" -> this.title = (this.title == null) ? text() : this.title;
					case "language" -> this.language = (this.language == null) ? text() : this.language;
					case "link" -> {
						String href = this.xml.getAttributeValue(null, "href");
						String rel = this.xml.getAttributeValue(null, "rel");
						if (href != null && (rel == null || rel.equals("alternate")) && this.link == null) {
							this.link = href.strip();
						}
						else if (href == null && this.xml.getNamespaceURI() == null && this.link == null) {
							this.link = text();
						}
					}
					default -> {
						// not needed
					}
				}
			}
			String feedLanguage = (this.language != null && !this.language.isBlank()) ? this.language.strip() : null;
			return new Feed((this.title != null) ? this.title.strip() : "", this.link, feedLanguage, this.items);
		}

		/** One item or entry, read up to its end. */
		private ListedItem item(String element) throws XMLStreamException {
			String itemTitle = null;
			String page = null;
			String guid = null;
			Instant published = null;
			Instant updated = null;
			String enclosure = null;
			String enclosureType = null;
			Integer seconds = null;
			String transcript = null;
			String transcriptType = null;
			int depth = 1;
			while (depth > 0 && this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = this.xml.getLocalName();
				String namespace = (this.xml.getNamespaceURI() != null) ? this.xml.getNamespaceURI() : "";
				switch (name) {
					case "title" -> itemTitle = (itemTitle == null) ? text() : itemTitle;
					case "guid", "id" -> guid = text();
					case "pubDate", "published", "date" -> published = date(text());
					case "updated" -> updated = date(text());
					case "duration" -> seconds = namespace.contains("itunes") ? duration(text()) : skip(seconds);
					case "enclosure" -> {
						enclosure = attribute("url");
						enclosureType = attribute("type");
						depth += skipElement();
					}
					case "link" -> {
						String href = attribute("href");
						String rel = attribute("rel");
						if (href == null) {
							page = (page == null) ? text() : skip(page);
						}
						else if ("enclosure".equals(rel)) {
							enclosure = href;
							enclosureType = attribute("type");
							depth += skipElement();
						}
						else {
							page = (rel == null || rel.equals("alternate")) ? href : page;
							depth += skipElement();
						}
					}
					case "transcript" -> {
						String url = attribute("url");
						String type = attribute("type");
						if (url != null && rank(type) >= 0
								&& (transcript == null || rank(type) < rank(transcriptType))) {
							transcript = url;
							transcriptType = type.strip().toLowerCase(Locale.ROOT);
						}
						depth += skipElement();
					}
					default -> depth++;
				}
			}
			boolean media = enclosure != null && enclosureType != null
					&& (enclosureType.startsWith("audio/") || enclosureType.startsWith("video/"));
			String url = media ? enclosure : (page != null) ? page
					: (guid != null && guid.startsWith("http")) ? guid : (transcript != null) ? transcript : null;
			String name = (itemTitle != null && !itemTitle.isBlank()) ? itemTitle.strip() : "Untitled " + element;
			return new ListedItem(url, name, seconds, (published != null) ? published : updated,
					media ? enclosureType.strip().toLowerCase(Locale.ROOT) : null, transcript, transcriptType);
		}

		private String attribute(String name) {
			String value = this.xml.getAttributeValue(null, name);
			return (value != null && !value.isBlank()) ? value.strip() : null;
		}

		/** The element's text, read up to its end (nested markup's text included). */
		private String text() throws XMLStreamException {
			StringBuilder text = new StringBuilder();
			int depth = 1;
			while (depth > 0 && this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
				else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					text.append(this.xml.getText());
				}
			}
			return text.toString().strip();
		}

		/** Skips to the element's end; answers the depth change (0: it ended). */
		private int skipElement() throws XMLStreamException {
			int depth = 1;
			while (depth > 0 && this.xml.hasNext()) {
				int event = this.xml.next();
				depth += (event == XMLStreamConstants.START_ELEMENT) ? 1
						: (event == XMLStreamConstants.END_ELEMENT) ? -1 : 0;
			}
			return 0;
		}

		/** Keeps {@code value}, skipping the element that would have replaced it. */
		private <T> T skip(T value) throws XMLStreamException {
			skipElement();
			return value;
		}

	}

}
