package io.sightline.source.youtube;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import io.sightline.source.TranscriptVariant;

/**
 * Picks the caption track to read. Languages are tried in order (the request's, then the
 * configured preference list); within a language a manual track comes before an
 * auto-generated one, and an exact code ({@code en-GB}) before a match on the base
 * language ({@code en}). When no wanted language has a track, a translatable track is
 * translated into the first wanted language YouTube offers. When nothing fits, the
 * failure lists the languages there are.
 */
record CaptionChoice(CaptionTrack track, String translateTo, TranscriptVariant variant) {

	static List<String> wanted(String requested, List<String> preferred) {
		Set<String> languages = new LinkedHashSet<>();
		if (requested != null && !requested.isBlank()) {
			languages.add(requested.strip());
		}
		preferred.stream().filter((language) -> !language.isBlank()).map(String::strip).forEach(languages::add);
		return new ArrayList<>(languages);
	}

	static CaptionChoice choose(CaptionList captions, List<String> wanted) {
		if (captions.tracks().isEmpty()) {
			throw YouTubeFailures.noCaptions();
		}
		for (String language : wanted) {
			for (BiPredicate<String, String> matches : List.<BiPredicate<String, String>>of(CaptionChoice::sameCode,
					CaptionChoice::sameBase)) {
				Optional<CaptionTrack> manual = find(captions, language, false, matches);
				if (manual.isPresent()) {
					return read(manual.get());
				}
				Optional<CaptionTrack> auto = find(captions, language, true, matches);
				if (auto.isPresent()) {
					return read(auto.get());
				}
			}
		}
		Optional<CaptionTrack> translatable = captions.translatableSource();
		if (translatable.isPresent()) {
			for (String language : wanted) {
				Optional<CaptionList.Translation> target = captions.translations()
					.stream()
					.filter((translation) -> sameCode(translation.language(), language))
					.findFirst()
					.or(() -> captions.translations()
						.stream()
						.filter((translation) -> sameBase(translation.language(), language))
						.findFirst());
				if (target.isPresent()) {
					CaptionTrack from = translatable.get();
					return new CaptionChoice(from, target.get().language(),
							TranscriptVariant.translated(target.get().language(), from.language(),
									target.get().name() + " captions translated from " + from.name()));
				}
			}
		}
		throw YouTubeFailures.noWantedLanguage(wanted,
				captions.tracks()
					.stream()
					.map((track) -> track.name() + " (" + track.language() + ")")
					.distinct()
					.collect(Collectors.joining(", ")));
	}

	private static CaptionChoice read(CaptionTrack track) {
		String kind = track.auto() ? TranscriptVariant.AUTO : TranscriptVariant.MANUAL;
		String description = track.auto() ? track.name().replace(" (auto-generated)", "") + " captions (auto-generated)"
				: track.name() + " captions";
		return new CaptionChoice(track, null, new TranscriptVariant(track.language(), kind, description));
	}

	private static Optional<CaptionTrack> find(CaptionList captions, String language, boolean auto,
			BiPredicate<String, String> matches) {
		return captions.tracks()
			.stream()
			.filter((track) -> track.auto() == auto && matches.test(track.language(), language))
			.findFirst();
	}

	private static boolean sameCode(String code, String wanted) {
		return normalize(code).equals(normalize(wanted));
	}

	private static boolean sameBase(String code, String wanted) {
		return base(code).equals(base(wanted));
	}

	private static String normalize(String code) {
		return code.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String base(String code) {
		return normalize(code).replaceFirst("-.*$", "");
	}

}
