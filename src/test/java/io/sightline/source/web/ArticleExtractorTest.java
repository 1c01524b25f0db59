package io.sightline.source.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

	@Test
	void aNewsArticleKeepsItsTextAndLosesNavigationAdsSharingRelatedAndFooter() throws IOException {
		Article article = extract("/web/news-article.html", "https://www.ledger.example/climate/tiny-forests");
		assertThat(article.title()).isEqualTo("Why cities are planting tiny forests");
		assertThat(article.siteName()).isEqualTo("The Daily Ledger");
		assertThat(article.language()).isEqualTo("en");
		String text = String.join("\n", article.blocks());
		assertThat(article.blocks().get(0)).startsWith("By Ana Ruiz");
		assertThat(text).contains("Akira Miyawaki")
			.contains("Cooling, drainage and birds")
			.contains("four degrees lower")
			.contains("People come to see the trees")
			.contains("forty more plots by 2030");
		assertThat(text).doesNotContain("cookies", "Politics", "Subscribe", "Share on", "Advertisement",
				"Related stories", "urban orchard", "newsletter", "All rights reserved", "Privacy policy", "Home");
	}

	@Test
	void aPageWithoutArticleMarkupIsScoredAndItsDeclaredCharsetRead() throws IOException {
		Article article = extract("/web/blog-post.html", "https://brotzeit.example/sauerteig");
		assertThat(article.title()).isEqualTo("Sauerteig ohne Stress");
		assertThat(article.siteName()).isEqualTo("brotzeit.example");
		assertThat(article.language()).isEqualTo("de");
		assertThat(article.blocks()).hasSize(4);
		assertThat(article.blocks().get(0))
			.startsWith("Ein Sauerteig braucht vor allem Zeit, Wärme und regelmäßiges Füttern");
		String text = String.join("\n", article.blocks());
		assertThat(text).doesNotContain("Impressum", "Kategorien", "Werbung", "Kommentare", "Copyright");
	}

	private static Article extract(String resource, String url) throws IOException {
		try (InputStream in = ArticleExtractorTest.class.getResourceAsStream(resource)) {
			Document page = Jsoup.parse(in, null, url);
			return ArticleExtractor.extract(page, URI.create(url));
		}
	}

}
