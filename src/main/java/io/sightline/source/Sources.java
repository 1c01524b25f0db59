package io.sightline.source;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Picks the source that can read a request: the first that supports it, in their order.
 */
@Component
public class Sources {

	private final List<Source> sources;

	private final int maxWords;

	Sources(List<Source> sources, SourceProperties properties) {
		this.sources = List.copyOf(sources);
		this.maxWords = properties.maxWords();
	}

	/**
	 * The source that reads the request, its transcripts cut at
	 * {@code sightline.source.max-words}.
	 */
	public Source forRequest(SourceRequest request) {
		return this.sources.stream()
			.filter((source) -> source.supports(request))
			.findFirst()
			.<Source>map((source) -> new Capped(source, this.maxWords))
			.orElseThrow(() -> SourceFailure.permanent("request.unsupported_url",
					"There is no source for this URL yet (" + request.url()
							+ "); upload its transcript or subtitles as a .txt, .md, .srt or .vtt file instead."));
	}

	/**
	 * Refuses, with a permanent {@link SourceFailure}, a request no source can serve. No
	 * network calls.
	 */
	public void check(SourceRequest request) {
		Source source = forRequest(request);
		if (!source.offers(request.transcript())) {
			throw SourceFailure.permanent("request.transcript_choice", "transcript=" + request.transcript().value()
					+ " applies to YouTube videos (and asr to recordings); this source is read as it is, so leave"
					+ " transcript out.");
		}
		source.check(request);
	}

	/** A source whose transcripts are cut at a number of words. */
	private record Capped(Source source, int maxWords) implements Source {

		@Override
		public boolean supports(SourceRequest request) {
			return this.source.supports(request);
		}

		@Override
		public void check(SourceRequest request) {
			this.source.check(request);
		}

		@Override
		public SourceMetadata metadata(SourceRequest request) {
			return this.source.metadata(request);
		}

		@Override
		public Transcript transcript(SourceRequest request, SourceMetadata metadata) {
			return this.source.transcript(request, metadata).cappedAt(this.maxWords);
		}

		@Override
		public Optional<String> contentId(SourceRequest request) {
			return this.source.contentId(request);
		}

		@Override
		public TranscriptVariant variant(SourceRequest request, SourceMetadata metadata) {
			return this.source.variant(request, metadata);
		}

		@Override
		public boolean transcribes(SourceRequest request, SourceMetadata metadata) {
			return this.source.transcribes(request, metadata);
		}

		@Override
		public boolean offers(TranscriptChoice choice) {
			return this.source.offers(choice);
		}

		@Override
		public String name() {
			return this.source.name();
		}

	}

}
