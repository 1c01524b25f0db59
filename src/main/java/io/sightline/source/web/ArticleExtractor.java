package io.sightline.source.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the main text of a web page and leaves out navigation, headers, footers,
 * sidebars, ads, share buttons and comment sections. First it removes what is never
 * content (by element, ARIA role and class or id names); then it takes the page's own
 * marking of the main text ({@code <article>}, {@code itemprop=articleBody},
 * {@code <main>}) where there is one, and otherwise the block whose paragraphs score best
 * (length and commas, discounted by link density), the way Mozilla's Readability does.
 */
final class ArticleExtractor {

	private static final String NEVER_CONTENT = "script, style, noscript, template, svg, canvas, iframe, object, embed,"
			+ " form, button, input, select, textarea, nav, aside, dialog, menu, [hidden], [aria-hidden=true],"
			+ " [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search],"
			+ " [role=dialog], [role=alert]";

	private static final Pattern UNLIKELY = Pattern.compile(
			"(?i)(^|[-_\\s])(nav|navbar|menu|breadcrumbs?|header|masthead|footer|sidebar|widget|comments?|share|sharing|"
					+ "social|related|recommended|promo|sponsor|ad|ads|advert|advertisement|banner|cookie|consent|"
					+ "newsletter|subscribe|signup|popup|modal|skip|pagination|pager|tags|byline-social|toolbar)"
					+ "([-_\\s]|$)");

	private static final Pattern LIKELY = Pattern
		.compile("(?i)(article|content|post|entry|main|body|story|text|prose|blog)");

	private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, dd, dt, figcaption, td";

	private static final int MIN_PARAGRAPH = 25;

	private ArticleExtractor() {
	}

	static Article extract(Document page, URI url) {
		String title = title(page);
		String siteName = siteName(page, url);
		String language = page.select("html[lang]").attr("lang");
		Document cleaned = page.clone();
		cleaned.select(NEVER_CONTENT).remove();
		cleaned.select("header, footer").forEach((element) -> {
			if (element.closest("article, [itemprop=articleBody]") == null) {
				element.remove();
			}
		});
		removeUnlikely(cleaned);
		Element root = root(cleaned);
		List<String> blocks = blocks(root);
		if (!blocks.isEmpty() && sameText(blocks.get(0), title)) {
			blocks.remove(0);
		}
		return new Article(title, siteName, language.isBlank() ? null : language, blocks, image(page, url));
	}

	private static void removeUnlikely(Document document) {
		for (Element element : document.body().select("*")) {
			if (element.parent() == null || element.tagName().equals("body") || element.tagName().equals("html")
					|| element.is("article, main, [itemprop=articleBody]")) {
				continue;
			}
			String names = element.className() + " " + element.id();
			if (UNLIKELY.matcher(names).find() && !LIKELY.matcher(names).find()) {
				element.remove();
			}
		}
	}

	private static Element root(Document document) {
		Optional<Element> marked = largest(document.select("[itemprop=articleBody]"))
			.or(() -> largest(document.select("article")))
			.or(() -> largest(document.select("main, [role=main]")));
		if (marked.isPresent() && marked.get().text().length() >= 200) {
			return marked.get();
		}
		return bestScored(document).orElse(document.body());
	}

	private static Optional<Element> largest(Elements elements) {
		return elements.stream().max(Comparator.comparingInt((element) -> element.text().length()));
	}

	/**
	 * Readability's scoring: each paragraph credits its parent fully and its grandparent
	 * by half.
	 */
	private static Optional<Element> bestScored(Document document) {
		Map<Element, Double> scores = new HashMap<>();
		for (Element paragraph : document.body().select("p, pre, td, div:not(:has(p, div, table, ul, ol, pre))")) {
			String text = paragraph.text();
			if (text.length() < MIN_PARAGRAPH) {
				continue;
			}
			double score = 1 + text.split(",").length - 1 + Math.min(text.length() / 100, 3);
			Element parent = paragraph.parent();
			if (parent != null) {
				scores.merge(parent, score, Double::sum);
				Element grandparent = parent.parent();
				if (grandparent != null) {
					scores.merge(grandparent, score / 2, Double::sum);
				}
			}
		}
		return scores.entrySet()
			.stream()
			.max(Comparator.comparingDouble((entry) -> entry.getValue() * (1 - linkDensity(entry.getKey()))))
			.map(Map.Entry::getKey);
	}

	private static List<String> blocks(Element root) {
		List<String> blocks = new ArrayList<>();
		Elements candidates = root.select(BLOCKS);
		if (candidates.isEmpty()) {
			addParagraphs(root.wholeText(), blocks);
			return blocks;
		}
		for (Element block : candidates) {
			if (insideAnotherBlock(block, root)) {
				continue;
			}
			String text = normalize(block.text());
			boolean heading = block.tagName().matches("h[1-6]");
			if (text.isEmpty() || (!heading && linkDensity(block) > 0.5)) {
				continue;
			}
			if (block.tagName().equals("li") && text.length() < MIN_PARAGRAPH && linkDensity(block) > 0) {
				continue;
			}
			if (blocks.isEmpty() || !blocks.get(blocks.size() - 1).equals(text)) {
				blocks.add(text);
			}
		}
		return blocks;
	}

	private static boolean insideAnotherBlock(Element block, Element root) {
		for (Element parent = block.parent(); parent != null && parent != root; parent = parent.parent()) {
			if (parent.is(BLOCKS)) {
				return true;
			}
		}
		return false;
	}

	static void addParagraphs(String text, List<String> into) {
		for (String paragraph : text.split("\\n\\s*\\n")) {
			String normalized = normalize(paragraph);
			if (!normalized.isEmpty()) {
				into.add(normalized);
			}
		}
	}

	private static double linkDensity(Element element) {
		int length = element.text().length();
		if (length == 0) {
			return 0;
		}
		int linked = element.select("a").stream().mapToInt((link) -> link.text().length()).sum();
		return Math.min(1, (double) linked / length);
	}

	private static String title(Document page) {
		String og = meta(page, "meta[property=og:title], meta[name=twitter:title]");
		if (!og.isEmpty()) {
			return og;
		}
		Element h1 = page.select("article h1, main h1, h1").first();
		String heading = (h1 != null) ? normalize(h1.text()) : "";
		String documentTitle = normalize(page.title());
		if (!documentTitle.isEmpty()) {
			String[] parts = documentTitle.split("\\s+[|\\-–—·:]\\s+");
			if (parts.length > 1 && !heading.isEmpty() && sameText(parts[0], heading)) {
				return heading;
			}
			return (parts.length > 1 && parts[0].length() >= 10) ? parts[0] : documentTitle;
		}
		return heading;
	}

	private static String siteName(Document page, URI url) {
		String named = meta(page, "meta[property=og:site_name], meta[name=application-name]");
		if (!named.isEmpty()) {
			return named;
		}
		String host = (url.getHost() != null) ? url.getHost() : "";
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	/** The page's picture ({@code og:image}), as an absolute http(s) address, or null. */
	private static String image(Document page, URI url) {
		String image = meta(page, "meta[property=og:image], meta[name=twitter:image]");
		if (image.isEmpty()) {
			return null;
		}
		try {
			URI resolved = url.resolve(image.replace(" ", "%20"));
			String scheme = resolved.getScheme();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) ? resolved.toString() : null;
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

	private static String meta(Document page, String query) {
		Element meta = page.select(query).first();
		return (meta != null) ? normalize(meta.attr("content")) : "";
	}

	private static boolean sameText(String a, String b) {
		return a != null && b != null
				&& normalize(a).toLowerCase(Locale.ROOT).equals(normalize(b).toLowerCase(Locale.ROOT));
	}

	private static String normalize(String text) {
		return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

}
