package io.sightline.source.youtube;

import java.time.Duration;
import java.util.List;

import io.sightline.source.SourceFailure;

/**
 * Every way a YouTube read fails, each a sentence that says what happened and what to do.
 */
final class YouTubeFailures {

	static final String ROUTE_AROUND = "if it persists, set sightline.youtube.proxy to a proxy YouTube does not block, or"
			+ " upload the video's subtitles instead";

	private YouTubeFailures() {
	}

	static SourceFailure blocked(String how, Duration retryAfter) {
		return SourceFailure.temporary("youtube.blocked", "YouTube is blocking requests from this server's address ("
				+ how + "); Sightline will retry, and " + ROUTE_AROUND + ".", retryAfter, null);
	}

	static SourceFailure unreachable(Exception cause) {
		return SourceFailure.temporary("youtube.unreachable",
				"Could not reach YouTube (" + cause.getClass().getSimpleName()
						+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "")
						+ "); Sightline will retry — check this server's network or sightline.youtube.proxy.",
				null, cause);
	}

	static SourceFailure serverError(int status) {
		return SourceFailure.temporary("youtube.server_error", "YouTube answered " + status + "; Sightline will retry.",
				null, null);
	}

	static SourceFailure requestFailed(int status, String what) {
		return SourceFailure.permanent("youtube.request_refused", "YouTube refused the request for " + what + " (HTTP "
				+ status
				+ "); Sightline may need an update for a change at YouTube — upload the video's subtitles meanwhile.");
	}

	static SourceFailure unparsable(String what) {
		return SourceFailure.temporary("youtube.unexpected_answer", "YouTube's " + what
				+ " did not have the expected shape; Sightline will retry,"
				+ " and if it persists it needs an update for a change at YouTube — upload the subtitles meanwhile.",
				null, null);
	}

	static SourceFailure consent() {
		return SourceFailure.permanent("youtube.consent_required",
				"YouTube asked this server to accept its cookie terms and Sightline could not do"
						+ " it; set sightline.youtube.proxy to a proxy outside the EU, or upload the video's subtitles instead.");
	}

	static SourceFailure unavailable(String videoId) {
		return SourceFailure.permanent("youtube.unavailable", "Video " + videoId
				+ " is unavailable: it may have been removed, or the address" + " may be wrong; check the address.");
	}

	static SourceFailure unavailableSaid(String said) {
		return SourceFailure.permanent("youtube.unavailable", "This video is unavailable (" + said
				+ "): it may have been removed, or the address may be wrong;" + " check the address.");
	}

	static SourceFailure ytDlpMissing(String why) {
		return SourceFailure.permanent("youtube.ytdlp_missing", "yt-dlp could not be run (" + why
				+ "); install it (Debian: apt install yt-dlp), or correct sightline.youtube.yt-dlp, or leave it out to"
				+ " download the audio without it.");
	}

	static SourceFailure ytDlpFailed(String said) {
		return SourceFailure.temporary("youtube.ytdlp_failed",
				"The audio could not be downloaded (" + said + "); Sightline will retry.", null, null);
	}

	static SourceFailure ytDlpWroteNothing() {
		return SourceFailure.permanent("youtube.ytdlp_no_file",
				"yt-dlp ended without writing the audio; check its configuration (a --simulate or --skip-download in"
						+ " it stops the download), or leave sightline.youtube.yt-dlp out.");
	}

	static SourceFailure listNotFound(String what) {
		return SourceFailure.permanent("youtube.list_not_found", "YouTube has no " + what
				+ " at this address; check the address, or open the list in a browser" + " and copy it from there.");
	}

	static SourceFailure listUnavailable(String what, String youtubeSays) {
		return SourceFailure.permanent("youtube.list_unavailable", "YouTube will not show this " + what + " ("
				+ youtubeSays + "); check the address, or ask its owner to make it public or unlisted.");
	}

	static SourceFailure privateVideo() {
		return SourceFailure.permanent("youtube.private",
				"This video is private; ask its owner to share it, or upload its subtitles.");
	}

	static SourceFailure ageRestricted() {
		return SourceFailure.permanent("youtube.age_restricted",
				"This video is age-restricted, and YouTube shows its captions only to signed-in"
						+ " adults; download its subtitles and upload them instead.");
	}

	static SourceFailure loginRequired(String reason) {
		return SourceFailure.permanent("youtube.login_required", "YouTube shows this video only to signed-in viewers ("
				+ reason + "); download its subtitles and upload them instead.");
	}

	static SourceFailure notStarted(String reason) {
		return SourceFailure.permanent("youtube.live_not_started",
				"This live stream has not started yet (" + reason + "); summarize it after it has ended.");
	}

	static SourceFailure unplayable(String reason, List<String> subreasons) {
		String details = subreasons.isEmpty() ? "" : " (" + String.join("; ", subreasons) + ")";
		return SourceFailure.permanent("youtube.unplayable", "YouTube will not play this video: " + reason + details
				+ "; upload its subtitles instead if you have them.");
	}

	static SourceFailure noCaptions() {
		return SourceFailure.permanent("youtube.no_captions",
				"This video has no captions in any language, so there is nothing to summarize;"
						+ " upload its subtitles or a transcript instead. (Sightline does not summarize the description in"
						+ " place of the video.)");
	}

	/**
	 * No captions, and this server cannot transcribe: {@code missing} says what to set.
	 */
	static SourceFailure noCaptionsToTranscribe(String missing) {
		return SourceFailure.permanent("youtube.no_captions",
				"This video has no captions; " + missing + " to transcribe it, or upload its subtitles.");
	}

	static SourceFailure cannotTranscribe(String missing) {
		return SourceFailure.permanent("asr.not_configured", "This server cannot transcribe the video's audio: "
				+ missing + "; or leave transcript out to read its captions.");
	}

	static SourceFailure noCaptionsOnly() {
		return SourceFailure.permanent("youtube.no_captions",
				"This video has no captions, and transcript=captions asks for captions only; leave transcript out"
						+ " (or set it to asr) to transcribe its audio, or upload its subtitles.");
	}

	static SourceFailure noAudio() {
		return SourceFailure.permanent("youtube.no_audio",
				"This video has no captions, and YouTube offered no audio stream Sightline can read to transcribe;"
						+ " upload its subtitles or a recording of it instead.");
	}

	static SourceFailure audioTooLarge(long bytes, long max) {
		return SourceFailure.permanent("youtube.audio_too_large",
				"This video's audio is larger than " + (max / (1024 * 1024)) + " MB (" + (bytes / (1024 * 1024))
						+ " MB so far), the most Sightline downloads (sightline.youtube.audio.max-size); upload its"
						+ " subtitles instead.");
	}

	static SourceFailure noWantedLanguage(List<String> wanted, String available) {
		return SourceFailure.permanent("youtube.no_captions_in_language",
				"This video has no captions in " + String.join(" or ", wanted)
						+ " and none can be translated into it; it has captions in " + available
						+ ". Ask for one of those with \"language\", or upload subtitles.");
	}

	static SourceFailure poTokenRequired(String language) {
		return SourceFailure.permanent("youtube.po_token_required",
				"YouTube requires a proof-of-origin token for this video's " + language
						+ " captions, which Sightline cannot produce; upload the video's subtitles instead.");
	}

	static SourceFailure emptyCaptions() {
		return SourceFailure.permanent("youtube.empty_captions",
				"YouTube sent empty captions for this video (it may want a proof-of-origin"
						+ " token); upload the video's subtitles instead.");
	}

}
