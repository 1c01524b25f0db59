package io.sightline.source.speech;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.sightline.model.SpeechSettings;
import io.sightline.model.TranscriptionEndpoint;
import io.sightline.source.Segment;
import io.sightline.source.SourceFailure;
import io.sightline.source.SourceProgress;
import io.sightline.support.SpeechStub;
import io.sightline.support.TestAudio;
import io.sightline.system.Worklog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The transcriber on its own, with real ffmpeg and a local transcription endpoint: parts
 * run in parallel, yet every part is announced, in order, as a step written at once.
 */
class SpeechTranscriberTest {

	private final SpeechStub stub = new SpeechStub();

	@TempDir
	Path dir;

	@BeforeAll
	static void ffmpeg() {
		TestAudio.requireFfmpeg();
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	private SpeechTranscriber transcriber(Duration partLength, int parallel) {
		return transcriber(partLength, parallel, Duration.ofHours(12));
	}

	private SpeechTranscriber transcriber(Duration partLength, int parallel, Duration longest) {
		SpeechSettings settings = new SpeechSettings(this.stub.baseUrl(), null, "whisper-stub", null,
				Duration.ofMinutes(1), DataSize.ofMegabytes(24), partLength, parallel, longest);
		JsonMapper json = JsonMapper.shared();
		return new SpeechTranscriber(new Ffmpeg("ffmpeg"), new TranscriptionEndpoint(settings, json, Clock.systemUTC()),
				settings, json);
	}

	@Test
	void everyPartIsAnnouncedInOrderAsAStepEvenWhenPartsFinishTogether() throws Exception {
		// parts that answer at once finish together: without a step per part, the last
		// ones were never said (and the last was merged away before the next stage)
		Path recording = TestAudio.make(this.dir.resolve("talk.m4a"), 240, 55);
		Path work = Files.createDirectories(this.dir.resolve("work"));
		List<String> steps = new CopyOnWriteArrayList<>();
		List<Double> fractions = new CopyOnWriteArrayList<>();
		SourceProgress progress = new SourceProgress() {

			@Override
			public void advanced(double fraction, String text) {
				fractions.add(fraction);
			}

			@Override
			public void milestone(double fraction, String text) {
				fractions.add(fraction);
				steps.add(text);
			}

		};

		List<Segment> segments = transcriber(Duration.ofMinutes(1), 2).transcribe(recording, work, progress,
				Worklog.NONE);

		int parts = this.stub.transcribedFiles().size();
		assertThat(parts).isBetween(4, 5);
		List<String> expected = new ArrayList<>();
		for (int k = 1; k <= parts; k++) {
			expected.add("Transcribing part " + k + " of " + parts + "...");
		}
		assertThat(steps).containsSubsequence(expected);
		assertThat(steps.stream().filter((step) -> step.startsWith("Transcribing part")).toList())
			.containsExactlyElementsOf(expected);
		assertThat(fractions).isSorted().last().isEqualTo(1.0);
		assertThat(segments).isNotEmpty()
			.allSatisfy((segment) -> assertThat(segment.startSeconds()).isBetween(0.0, 240.0));
	}

	@Test
	void audioLongerThanTheServerTranscribesIsRefusedWithTheSettingBeforeAnyRequest() throws Exception {
		Path recording = TestAudio.make(this.dir.resolve("talk.m4a"), 75, 20);
		Path work = Files.createDirectories(this.dir.resolve("work"));

		SourceFailure refused = catchThrowableOfType(SourceFailure.class,
				() -> transcriber(Duration.ofMinutes(1), 2, Duration.ofMinutes(1)).transcribe(recording, work,
						SourceProgress.NONE, Worklog.NONE));

		assertThat(refused.code()).isEqualTo("asr.too_long");
		assertThat(refused.isTransient()).isFalse();
		assertThat(refused.getMessage()).isEqualTo("The audio lasts 1 min 15 s, longer than the 1 min this server"
				+ " transcribes (sightline.asr.max-duration); upload a shorter part of it, or its transcript.");
		assertThat(this.stub.requestCount()).isZero();
	}

	@Test
	void lengthsAreSaidInHoursAndMinutesAndUnderAnHourWithTheirSeconds() {
		assertThat(Speech.duration(30)).isEqualTo("30 s");
		assertThat(Speech.duration(45 * 60)).isEqualTo("45 min");
		assertThat(Speech.duration(5 * 60 + 16)).isEqualTo("5 min 16 s");
		assertThat(Speech.duration(12 * 3600)).isEqualTo("12 h");
		assertThat(Speech.duration(2 * 3600 + 5 * 60 + 29)).isEqualTo("2 h 5 min");
	}

}
