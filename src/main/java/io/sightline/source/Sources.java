package io.sightline.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.sightline.source.speech.Speech;

import org.springframework.stereotype.Component;

/**
 * Picks the source that can read a request: the first that supports it, in their order;
 * and the list source for an address that names many items.
 */
@Component
public class Sources {

	private final List<Source> sources;

	private final List<ListSource> lists;

	private final int maxWords;

	private final Speech speech;

	Sources(List<Source> sources, List<ListSource> lists, SourceProperties properties, Speech speech) {
		this.sources = List.copyOf(sources);
		this.lists = List.copyOf(lists);
		this.maxWords = properties.maxWords();
		this.speech = speech;
	}

	/**
	 * Whether speech can be turned into text here: recordings, and videos without
	 * captions, can be summarized.
	 */
	public boolean transcribesSpeech() {
		return this.speech.available();
	}

	/**
	 * Whether the address alone says it names a list (a playlist, a channel, a feed)
	 * rather than one item.
	 */
	public boolean isList(String url) {
		return url != null && this.lists.stream().anyMatch((lists) -> lists.recognizes(url));
	}

	/**
	 * Whether the address may be read as a list when the request asks for one (a page
	 * that may be a feed or link one), though it is not known to be one.
	 */
	public boolean mayBeList(String url) {
		return url != null && this.lists.stream().anyMatch((lists) -> lists.supports(url));
	}

	/**
	 * Whether a {@code since} date applies to the list at the address (not a playlist).
	 */
	public boolean isDated(String url) {
		return listSource(url).dated(url);
	}

	/**
	 * The first {@code limit} items the address lists, published since {@code since}
	 * where it is set.
	 * @throws SourceFailure when it names no list, or the list cannot be read
	 */
	public Listing list(String url, int limit, LocalDate since) {
		return listSource(url).list(url, limit, since);
	}

	private ListSource listSource(String url) {
		return this.lists.stream()
			.filter((lists) -> lists.supports(url))
			.findFirst()
			.orElseThrow(() -> SourceFailure.permanent("request.not_a_list",
					url + " is not the address of a playlist, channel or feed Sightline can read; paste a YouTube"
							+ " playlist's or channel's address, a podcast's feed, or one video's or page's address."));
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
	 * The address a summary of this URL is stored under: a video's canonical address
	 * whatever form it was given in, else the URL as it is. No network calls.
	 */
	public String address(String url) {
		String given = url.strip();
		return this.sources.stream()
			.map((source) -> source.address(given))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(given);
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
