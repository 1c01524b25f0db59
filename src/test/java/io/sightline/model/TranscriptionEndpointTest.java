package io.sightline.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.sightline.support.SpeechStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TranscriptionEndpointTest {

	private final SpeechStub stub = new SpeechStub();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void segmentsComeWithTheirTimesFromVerboseJson() throws IOException {
		SpeechText text = endpoint().transcribe(audio(), "audio/ogg", TranscriptionEndpoint.CallWatcher.NONE);
		assertThat(text.isTimed()).isTrue();
		assertThat(text.segments()).hasSize(5);
		assertThat(text.segments().get(1).start()).isEqualTo(5.0);
		assertThat(text.segments().get(1).text()).startsWith("Exponential backoff");
		assertThat(text.language()).isEqualTo("english");
		assertThat(this.stub.askedFormats()).containsExactly("verbose_json");
		assertThat(this.stub.transcribedFiles()).containsExactly("part.ogg");
	}

	@Test
	void anEngineWithoutSegmentsIsAskedForPlainJsonFromThenOn() throws IOException {
		this.stub.refuseVerboseJson(true);
		TranscriptionEndpoint endpoint = endpoint();
		SpeechText first = endpoint.transcribe(audio(), "audio/ogg", TranscriptionEndpoint.CallWatcher.NONE);
		SpeechText second = endpoint.transcribe(audio(), "audio/ogg", TranscriptionEndpoint.CallWatcher.NONE);
		assertThat(first.isTimed()).isFalse();
		assertThat(first.segments()).singleElement()
			.satisfies((piece) -> assertThat(piece.text()).startsWith("Reliable systems"));
		assertThat(second.isTimed()).isFalse();
		assertThat(this.stub.askedFormats()).containsExactly("verbose_json", "json", "json");
		assertThat(endpoint.format()).isEqualTo(TranscriptionEndpoint.Format.JSON);
	}

	@Test
	void aFailureSaysItsStatusAndTheWaitAskedFor() throws IOException {
		this.stub.failRequest(1, 503);
		ModelCallException failure = catchThrowableOfType(ModelCallException.class,
				() -> endpoint().transcribe(audio(), "audio/ogg", TranscriptionEndpoint.CallWatcher.NONE));
		assertThat(failure.status()).isEqualTo(503);
		assertThat(failure.body()).contains("overloaded");
	}

	@Test
	void answersInAnyOfTheThreeFormatsAreRead() {
		TranscriptionEndpoint endpoint = endpoint();
		assertThat(endpoint.read("  Just the words.\n", TranscriptionEndpoint.Format.TEXT).segments())
			.containsExactly(new SpeechText.Piece(null, null, "Just the words."));
		assertThat(endpoint.read("{\"text\":\"Whole.\"}", TranscriptionEndpoint.Format.VERBOSE_JSON).segments())
			.containsExactly(new SpeechText.Piece(null, null, "Whole."));
		assertThat(endpoint
			.read("{\"text\":\"a b\",\"segments\":[{\"start\":1.5,\"end\":3,\"text\":\" a b \"}]}",
					TranscriptionEndpoint.Format.JSON)
			.segments()).containsExactly(new SpeechText.Piece(1.5, 3.0, "a b"));
		assertThat(endpoint.read("", TranscriptionEndpoint.Format.TEXT).segments()).isEmpty();
	}

	private TranscriptionEndpoint endpoint() {
		return new TranscriptionEndpoint(
				new SpeechSettings(this.stub.baseUrl(), "key", "whisper-stub", null, Duration.ofSeconds(10),
						DataSize.ofMegabytes(24), Duration.ofMinutes(10), 2, Duration.ofHours(12)),
				JsonMapper.builder().build(), Clock.systemUTC());
	}

	private Path audio() throws IOException {
		return Files.write(this.dir.resolve("part.ogg"), "OggS and some audio".getBytes());
	}

}
