package io.sightline.source.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sightline.source.SourceFailure;
import io.sightline.support.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FfmpegTest {

	@BeforeAll
	static void ffmpeg() {
		TestAudio.requireFfmpeg();
	}

	private final Ffmpeg ffmpeg = new Ffmpeg("ffmpeg");

	@TempDir
	Path dir;

	@Test
	void aRecordingBecomesSpeechAudioWhosePausesAreFoundAndCut() throws Exception {
		Path recording = TestAudio.make(this.dir.resolve("talk.m4a"), 20, 5);
		assertThat(this.ffmpeg.available()).isTrue();
		assertThat(this.ffmpeg.audioSeconds(recording, () -> {
		})).isBetween(19.5, 20.5);

		Path speech = this.dir.resolve("speech.ogg");
		List<Double> converted = new ArrayList<>();
		this.ffmpeg.toSpeech(recording, speech, converted::add);
		assertThat(Files.readAllBytes(speech)).startsWith('O', 'g', 'g', 'S');
		assertThat(converted).isNotEmpty().isSorted();

		// a second of silence after every five of tone: pauses in the middle of 5-6,
		// 11-12, 17-18
		assertThat(this.ffmpeg.silences(speech, () -> {
		})).hasSize(3)
			.satisfiesExactly((a) -> assertThat(a).isBetween(5.2, 5.8), (b) -> assertThat(b).isBetween(11.2, 11.8),
					(c) -> assertThat(c).isBetween(17.2, 17.8));

		Path part = this.dir.resolve("part.ogg");
		this.ffmpeg.cut(speech, 5.5, 6.0, part, null);
		assertThat(this.ffmpeg.audioSeconds(part, () -> {
		})).isBetween(5.5, 6.5);
	}

	@Test
	void aFileThatIsNotAudioIsRefusedWithASentence() throws IOException {
		Path picture = Files.write(this.dir.resolve("picture.mp3"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10 });
		SourceFailure failure = catchThrowableOfType(SourceFailure.class,
				() -> this.ffmpeg.audioSeconds(picture, () -> {
				}));
		assertThat(failure.code()).isEqualTo("upload.not_media");
		assertThat(failure.getMessage()).endsWith("or its transcript.");
	}

	@Test
	void aVideoWithSoundIsReadForItsSound() throws Exception {
		Path video = TestAudio.make(this.dir.resolve("clip.mp4"), 4, 3);
		assertThat(this.ffmpeg.audioSeconds(video, () -> {
		})).isBetween(3.5, 4.5);
	}

	@Test
	void aProgressReportThatThrowsStopsTheProcess() throws Exception {
		Path recording = TestAudio.make(this.dir.resolve("long.m4a"), 120, 20);
		RuntimeException stop = new IllegalStateException("cancelled");
		Throwable thrown = catchThrowableOfType(IllegalStateException.class,
				() -> this.ffmpeg.toSpeech(recording, this.dir.resolve("speech.ogg"), (seconds) -> {
					throw stop;
				}));
		assertThat(thrown).isSameAs(stop);
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isZero();
	}

}
