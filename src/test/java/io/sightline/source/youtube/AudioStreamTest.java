package io.sightline.source.youtube;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Audio streams of real 2026 player answers (NewPipeExtractor's recordings, GPL-3.0). */
class AudioStreamTest {

	@Test
	void theSmallestClearStreamOfTheOriginalTrackIsChosenAmongDubbedOnes() throws IOException {
		List<AudioStream> streams = player("player_visionos_audiotracklanguage.json").audioStreams();
		assertThat(streams).hasSizeGreaterThan(50)
			.allSatisfy((stream) -> assertThat(stream.url()).startsWith("https://"));
		assertThat(streams.stream().map(AudioStream::track).distinct().count()).isGreaterThan(20);

		AudioStream chosen = AudioStream.choose(streams).orElseThrow();
		assertThat(chosen.original()).isTrue();
		assertThat(chosen.track()).isEqualTo("en.4");
		assertThat(chosen.bitrate()).isBetween(AudioStream.SPEECH_BITRATE, 64_000);
		assertThat(chosen.contentLength()).isPositive();
	}

	@Test
	void aVideoWithOneTrackGetsItsSmallestClearStream() throws IOException {
		List<AudioStream> streams = player("player_visionos_cclicensed.json").audioStreams();
		assertThat(streams).extracting(AudioStream::mimeType)
			.allSatisfy((mime) -> assertThat(mime).startsWith("audio/"));
		AudioStream chosen = AudioStream.choose(streams).orElseThrow();
		assertThat(chosen.mimeType()).startsWith("audio/mp4");
		assertThat(chosen.bitrate()).isEqualTo(50_083);
	}

	@Test
	void whenNoStreamKeepsSpeechClearTheBestThereIsIsChosen() {
		List<AudioStream> thin = List.of(new AudioStream("https://a", "audio/webm", 12_000, null, null, false),
				new AudioStream("https://b", "audio/webm", 24_000, null, null, false));
		assertThat(AudioStream.choose(thin)).get().extracting(AudioStream::url).isEqualTo("https://b");
		assertThat(AudioStream.choose(List.of())).isEmpty();
	}

	private static PlayerAnswer player(String name) throws IOException {
		try (InputStream in = AudioStreamTest.class.getResourceAsStream("/youtube/newpipe/" + name)) {
			return PlayerAnswer.parse(JsonMapper.builder().build(),
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
