package io.sightline.intake;

import java.util.List;

import io.sightline.source.Sources;
import io.sightline.summarize.Summarizers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/capabilities}: what this server can do, so clients offer only that.
 */
@Tag(name = "Server")
@RestController
class CapabilitiesController {

	/** The languages whose transcripts the offline summarizer reads well and repairs. */
	static final List<String> LANGUAGES = List.of("en", "de", "es", "fr");

	private final Summarizers summarizers;

	private final Sources sources;

	private final IntakeProperties intake;

	CapabilitiesController(Summarizers summarizers, Sources sources, IntakeProperties intake) {
		this.summarizers = summarizers;
		this.sources = sources;
		this.intake = intake;
	}

	/**
	 * What a request may ask for: the summarizers configured (a model-backed one only
	 * when a model is), the default summarizer and length, the lengths, the languages the
	 * offline summarizer knows, whether speech-to-text is configured (recordings and
	 * videos without captions), and the default number of items a list takes.
	 */
	record Capabilities(List<Summarizers.Offer.Choice> summarizers, String defaultSummarizer, String defaultLength,
			List<String> lengths, List<String> languages, boolean model, boolean speechToText, int defaultListLimit) {
	}

	@Operation(
			summary = "What this server can do: summarizers, lengths, languages, whether a model and speech-to-text are configured.")
	@GetMapping("/api/capabilities")
	Capabilities capabilities() {
		Summarizers.Offer offer = this.summarizers.offer();
		boolean model = offer.summarizers().stream().anyMatch(Summarizers.Offer.Choice::translates);
		return new Capabilities(offer.summarizers(), offer.defaultSummarizer(), offer.defaultLength(), offer.lengths(),
				LANGUAGES, model, this.sources.transcribesSpeech(), this.intake.collectionLimit());
	}

}
