package io.sightline.source.youtube;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The caption tracks of a video and the languages YouTube can translate them into, as the
 * player API listed them at {@code listedAt}, and the track YouTube itself translates
 * from (an index into {@code tracks}, or null); kept in the metadata's locator for the
 * transcript stage.
 */
record CaptionList(Instant listedAt, List<CaptionTrack> tracks, List<Translation> translations,
		Integer translationSource) {

	CaptionList {
		tracks = List.copyOf(tracks);
		translations = List.copyOf(translations);
	}

	/**
	 * The track to translate from: YouTube's own pick if it is translatable, else the
	 * first manual one, else any.
	 */
	Optional<CaptionTrack> translatableSource() {
		if (this.translationSource != null && this.translationSource >= 0 && this.translationSource < this.tracks.size()
				&& this.tracks.get(this.translationSource).translatable()) {
			return Optional.of(this.tracks.get(this.translationSource));
		}
		return this.tracks.stream()
			.filter(CaptionTrack::translatable)
			.min((a, b) -> Boolean.compare(a.auto(), b.auto()));
	}

	record Translation(String language, String name) {
	}

}
