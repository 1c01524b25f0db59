package io.sightline.source;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Picks the source that can read a request: the first that supports it, in their order.
 */
@Component
public class Sources {

	private final List<Source> sources;

	Sources(List<Source> sources) {
		this.sources = List.copyOf(sources);
	}

	public Source forRequest(SourceRequest request) {
		return this.sources.stream()
			.filter((source) -> source.supports(request))
			.findFirst()
			.orElseThrow(() -> SourceFailure.permanent("request.unsupported_url",
					"There is no source for this URL yet (" + request.url()
							+ "); upload its transcript or subtitles as a .txt, .md, .srt or .vtt file instead."));
	}

	/**
	 * Refuses, with a permanent {@link SourceFailure}, a request no source can serve. No
	 * network calls.
	 */
	public void check(SourceRequest request) {
		forRequest(request).check(request);
	}

}
