package io.sightline.source.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.source.ExternalCommand;
import io.sightline.source.SourceFailure;

/**
 * Debian's {@code ffmpeg}, run as a process: reads any audio or video, turns it into
 * small mono speech audio (16 kHz Opus), finds its silences and cuts parts. Every run is
 * stopped (the process killed) when the caller's progress callback throws, as it does on
 * a cancel; nothing of it outlives the call.
 */
final class Ffmpeg {

	private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

	private static final Pattern AUDIO_STREAM = Pattern.compile("Stream #\\d+:\\d+.*: Audio: ");

	private static final Pattern OUT_TIME = Pattern.compile("^out_time_(?:us|ms)=(\\d+)$");

	private static final Pattern SILENCE_START = Pattern.compile("silence_start: (-?\\d+(?:\\.\\d+)?)");

	private static final Pattern SILENCE_END = Pattern.compile("silence_end: (\\d+(?:\\.\\d+)?)");

	/**
	 * The speech audio's bit rate: 24 kbit/s Opus keeps speech clear, 10.8 MB an hour.
	 */
	static final int SPEECH_BITS_PER_SECOND = 24_000;

	private final String command;

	Ffmpeg(String command) {
		this.command = command;
	}

	/** Whether the command runs at all. */
	boolean available() {
		return ExternalCommand.runs(List.of(this.command, "-hide_banner", "-version"), 10);
	}

	/**
	 * How long the input's audio lasts, in seconds.
	 * @throws SourceFailure when the file is not audio or video, or has no sound
	 */
	double audioSeconds(Path input, Runnable tick) {
		String report = run(List.of("-nostdin", "-hide_banner", "-i", input.toString()), null, tick, true);
		Matcher duration = DURATION.matcher(report);
		if (!AUDIO_STREAM.matcher(report).find() || !duration.find()) {
			throw SourceFailure.permanent("upload.not_media",
					"The file is not audio or video Sightline can read, or it has no sound; upload a recording"
							+ " (mp3, m4a, wav, flac, ogg, opus, webm, mp4, mkv or mov) or its transcript.");
		}
		return Integer.parseInt(duration.group(1)) * 3600 + Integer.parseInt(duration.group(2)) * 60
				+ Double.parseDouble(duration.group(3));
	}

	/**
	 * Writes the input's first audio stream as mono 16 kHz Opus; {@code progress} gets
	 * the seconds converted so far.
	 */
	void toSpeech(Path input, Path output, DoubleConsumer progress) {
		run(List.of("-nostdin", "-hide_banner", "-y", "-i", input.toString(), "-map", "0:a:0", "-vn", "-ac", "1", "-ar",
				"16000", "-c:a", "libopus", "-b:a", String.valueOf(SPEECH_BITS_PER_SECOND), "-application", "voip",
				"-progress", "pipe:1", "-nostats", output.toString()), progress, null, false);
	}

	/**
	 * The middles of the audio's silences (at least half a second below -35 dB), in
	 * seconds.
	 */
	List<Double> silences(Path audio, Runnable tick) {
		String report = run(List.of("-nostdin", "-hide_banner", "-i", audio.toString(), "-af",
				"silencedetect=noise=-35dB:d=0.5", "-f", "null", "-"), null, tick, false);
		List<Double> middles = new ArrayList<>();
		Double start = null;
		for (String line : report.split("\n")) {
			Matcher begins = SILENCE_START.matcher(line);
			Matcher ends = SILENCE_END.matcher(line);
			if (begins.find()) {
				start = Math.max(0, Double.parseDouble(begins.group(1)));
			}
			else if (ends.find() && start != null) {
				middles.add((start + Double.parseDouble(ends.group(1))) / 2);
				start = null;
			}
		}
		return middles;
	}

	/** Copies the audio from {@code from} for {@code seconds} into {@code output}. */
	void cut(Path audio, double from, double seconds, Path output, Runnable tick) {
		run(List.of("-nostdin", "-hide_banner", "-y", "-ss", decimal(from), "-i", audio.toString(), "-t",
				decimal(seconds), "-c", "copy", output.toString()), null, tick, false);
	}

	private static String decimal(double seconds) {
		return String.format(Locale.ROOT, "%.3f", seconds);
	}

	/**
	 * Runs ffmpeg and answers what it wrote to its error stream (its report). Progress
	 * lines on its output go to {@code progress} as seconds; {@code tick} runs twice a
	 * second while it works. Either may throw to stop it: the process is killed. A run
	 * that fails is a permanent failure, except one only asked for its report (no output
	 * file, so ffmpeg exits 1).
	 */
	private String run(List<String> arguments, DoubleConsumer progress, Runnable tick, boolean reportOnly) {
		List<String> command = new ArrayList<>();
		command.add(this.command);
		command.addAll(arguments);
		ExternalCommand.Outcome outcome;
		try {
			outcome = ExternalCommand.run(command, (line) -> {
				Matcher time = OUT_TIME.matcher(line);
				if (progress != null && time.matches()) {
					progress.accept(Long.parseLong(time.group(1)) / 1_000_000.0);
				}
			}, (tick != null) ? tick : () -> {
			});
		}
		catch (IOException ex) {
			throw SourceFailure.permanent("media.no_ffmpeg", "ffmpeg could not be run (" + ex.getMessage()
					+ "); install it (Debian: apt install ffmpeg) or set sightline.ffmpeg.path.");
		}
		if (!outcome.succeeded() && !reportOnly) {
			throw SourceFailure.permanent("media.convert_failed", "The recording could not be converted ("
					+ outcome.lastLine() + "); check that it plays, or upload its transcript instead.");
		}
		return outcome.report();
	}

}
