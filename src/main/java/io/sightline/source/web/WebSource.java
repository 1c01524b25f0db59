package io.sightline.source.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sightline.source.Segment;
import io.sightline.source.Source;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceIsAList;
import io.sightline.source.SourceMetadata;
import io.sightline.source.SourceRequest;
import io.sightline.source.Transcript;
import io.sightline.source.fetch.GuardedFetcher;
import io.sightline.source.fetch.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A web article at any http(s) address no other source claims: fetched through the
 * {@link GuardedFetcher}, its main text extracted in the metadata stage and handed to the
 * transcript stage in the metadata's locator, so the page is fetched once.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WebSource implements Source {

	private static final String BLOCK_BREAK = "\n\n";

	private final GuardedFetcher fetcher;

	WebSource(GuardedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	@Override
	public boolean supports(SourceRequest request) {
		if (request.url() == null) {
			return false;
		}
		String lower = request.url().toLowerCase(Locale.ROOT);
		return lower.startsWith("http://") || lower.startsWith("https://");
	}

	@Override
	public void check(SourceRequest request) {
		this.fetcher.refusalWithoutLookup(uri(request.url())).ifPresent((refusal) -> {
			throw refusal;
		});
	}

	@Override
	public SourceMetadata metadata(SourceRequest request) {
		Page page = this.fetcher.get(uri(request.url()));
		if (page.isFeed()) {
			throw new SourceIsAList(page.url().toString());
		}
		Article article = page.isHtml() ? ArticleExtractor.extract(parse(page), page.url()) : plainText(page);
		if (article.blocks().isEmpty()) {
			throw SourceFailure.permanent("web.no_text", "No readable text was found at " + request.url()
					+ "; if the page needs a login or builds its text with JavaScript, copy the text into a .txt"
					+ " file and upload that instead.");
		}
		String language = (request.language() != null) ? request.language() : article.language();
		return new SourceMetadata(article.title(), request.url(), "web", article.siteName(), null, article.image(),
				language, List.of(), String.join(BLOCK_BREAK, article.blocks()));
	}

	@Override
	public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
		String text = (metadata.locator() != null) ? metadata.locator() : metadata(request).locator();
		List<Segment> segments = new ArrayList<>();
		for (String block : text.split(BLOCK_BREAK)) {
			segments.add(new Segment(null, null, block));
		}
		return new Transcript(segments, metadata.language(), 0);
	}

	@Override
	public String name() {
		return "web";
	}

	private static Document parse(Page page) {
		String charset = (page.charset() != null) ? page.charset().name() : null;
		try {
			return Jsoup.parse(new ByteArrayInputStream(page.body()), charset, page.url().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Article plainText(Page page) {
		Charset charset = (page.charset() != null) ? page.charset() : StandardCharsets.UTF_8;
		String text = new String(page.body(), charset).replace("\r\n", "\n");
		List<String> blocks = new ArrayList<>();
		ArticleExtractor.addParagraphs(text, blocks);
		String path = page.url().getPath();
		String name = (path != null && !path.isBlank() && !path.equals("/")) ? path.replaceAll("^.*/", "")
				: page.url().getHost();
		return new Article(name, page.url().getHost(), null, blocks, null);
	}

	private static URI uri(String url) {
		try {
			return new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw SourceFailure.permanent("request.invalid_url",
					"The url is not a valid address (" + ex.getReason() + "): " + url);
		}
	}

}
