package io.sightline.source.youtube;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An audio-only stream a player answer lists ({@code streamingData.adaptiveFormats}), for
 * transcribing a video without captions.
 *
 * @param url where it is served (already signed; streams that need deciphering are not
 * listed)
 * @param mimeType such as {@code audio/mp4; codecs="mp4a.40.5"}
 * @param bitrate bits per second
 * @param contentLength its size in bytes, where the answer says
 * @param track the audio track's id ({@code en.4}), where the video has several
 * @param original whether it is the video's original (default) audio track
 */
record AudioStream(String url, String mimeType, int bitrate, Long contentLength, String track, boolean original) {

	/** The least bit rate that keeps speech clear. */
	static final int SPEECH_BITRATE = 32_000;

	/**
	 * The stream to transcribe: from the original audio track (where there are several),
	 * the smallest that keeps speech clear (at least {@value #SPEECH_BITRATE} bit/s),
	 * else the best there is.
	 */
	static Optional<AudioStream> choose(List<AudioStream> streams) {
		boolean severalTracks = streams.stream().map(AudioStream::track).distinct().count() > 1;
		List<AudioStream> track = severalTracks && streams.stream().anyMatch(AudioStream::original)
				? streams.stream().filter(AudioStream::original).toList() : streams;
		Optional<AudioStream> clear = track.stream()
			.filter((stream) -> stream.bitrate() >= SPEECH_BITRATE)
			.min(Comparator.comparingInt(AudioStream::bitrate));
		return clear.or(() -> track.stream().max(Comparator.comparingInt(AudioStream::bitrate)));
	}

}
