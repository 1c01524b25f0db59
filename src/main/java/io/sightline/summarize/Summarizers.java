package io.sightline.summarize;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The configured summarizers, looked up by the name a request gives (or the default). */
@Component
public class Summarizers {

	private final List<Summarizer> summarizers;

	private final SummarizerProperties properties;

	Summarizers(List<Summarizer> summarizers, SummarizerProperties properties) {
		this.summarizers = summarizers.stream().filter(Summarizer::configured).toList();
		this.properties = properties;
		if (find(properties.defaultName()).isEmpty()) {
			throw new IllegalStateException(
					"The default summarizer cannot be used: " + notConfigured(properties.defaultName()));
		}
		if (SummaryLength.of(properties.defaultLength()).isEmpty()) {
			throw new IllegalStateException(
					"sightline.summarizer.default-length must be short, medium or long: " + properties.defaultLength());
		}
	}

	public Optional<Summarizer> find(String name) {
		String wanted = (name == null || name.isBlank()) ? this.properties.defaultName() : name;
		return this.summarizers.stream().filter((summarizer) -> summarizer.name().equalsIgnoreCase(wanted)).findFirst();
	}

	public Summarizer get(String name) {
		return find(name)
			.orElseThrow(() -> SummarizerFailure.permanent("summarize.not_configured", notConfigured(name)));
	}

	/**
	 * The sentence for a summarizer name this server cannot serve, with what to do about
	 * it.
	 */
	public String notConfigured(String name) {
		if ("llm".equalsIgnoreCase(name)) {
			return "The llm summarizer needs a model and this server has none configured; set"
					+ " spring.ai.openai.base-url, spring.ai.openai.api-key and spring.ai.openai.chat.options.model,"
					+ " or ask for one of " + names() + ".";
		}
		return "No summarizer named '" + name + "' is configured on this server; choose one of " + names() + ".";
	}

	/**
	 * Whether the named summarizer (the default for none) can write a summary in
	 * {@code summaryLanguage} of a transcript asked for in {@code transcriptLanguage}
	 * (null: whatever it is): one that translates always can, the others only in the
	 * transcript's own language.
	 */
	public boolean writesIn(String name, String summaryLanguage, String transcriptLanguage) {
		if (find(name).map(Summarizer::translates).orElse(true)) {
			return true;
		}
		return transcriptLanguage != null
				&& transcriptLanguage.toLowerCase(Locale.ROOT).startsWith(summaryLanguage.toLowerCase(Locale.ROOT));
	}

	public SummaryLength length(String value) {
		return SummaryLength.of((value == null || value.isBlank()) ? this.properties.defaultLength() : value)
			.orElseThrow(() -> SummarizerFailure.permanent("request.unknown_length",
					"Summary length '" + value + "' is not known; choose short, medium or long."));
	}

	/** What this server summarizes with: each configured summarizer, and the defaults. */
	public Offer offer() {
		return new Offer(
				this.summarizers.stream()
					.map((summarizer) -> new Offer.Choice(summarizer.name(), summarizer.translates()))
					.toList(),
				this.properties.defaultName(), this.properties.defaultLength(),
				List.of(SummaryLength.values()).stream().map(SummaryLength::value).toList());
	}

	/**
	 * The summarizers a request may name ({@code translates}: it writes in a language
	 * other than the transcript's), the one used when none is named, and the lengths.
	 */
	public record Offer(List<Choice> summarizers, String defaultSummarizer, String defaultLength,
			List<String> lengths) {

		public record Choice(String name, boolean translates) {
		}

	}

	public String names() {
		return this.summarizers.stream().map(Summarizer::name).collect(Collectors.joining(", "));
	}

}
