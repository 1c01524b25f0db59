package io.sightline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRendererTest {

	static TaskState state(int progress, String status, String stage) {
		return new TaskState("t", status, "summarizing", progress, stage, null, null, null, "s", Instant.now(), null);
	}

	static TaskState ended(String status, String failureKind, String error) {
		return new TaskState("t", status, "done", 40, "Failed", error, failureKind, "youtube.server_error", "s",
				Instant.now(), null);
	}

	@Test
	void theTerminalBarShowsFillPercentElapsedAndStageWithinTheWidth() {
		assertThat(ProgressRenderer.bar(state(50, "processing", "Summarizing..."), Duration.ofSeconds(72), 100))
			.isEqualTo("[############------------]  50%  1:12  Summarizing...");
		assertThat(ProgressRenderer.bar(state(0, "processing", "Queued"), Duration.ZERO, 100))
			.startsWith("[------------------------]   0%");
		assertThat(ProgressRenderer.bar(state(100, "completed", "Summary ready " + "x".repeat(200)), Duration.ZERO, 60))
			.hasSize(59)
			.startsWith("[########################] 100%")
			.endsWith("…");
	}

	@Test
	void theTerminalPrinterRedrawsOneLineAndEndsItWhenTheTaskEnds() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		printer.show(state(10, "processing", "Reading"));
		printer.show(state(60, "processing", "Summarizing"));
		printer.show(state(100, "completed", "Summary ready"));
		String drawn = bytes.toString(StandardCharsets.UTF_8);
		assertThat(drawn.split("\r\u001b\\[2K", -1)).hasSize(4);
		assertThat(drawn).endsWith("Summary ready\n").doesNotContain("Reading\n");
	}

	@Test
	void withoutATerminalEachStageIsOnePlainLine() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
		printer.show(state(5, "processing", "Reading source information..."));
		printer.show(state(7, "processing", "Reading source information..."));
		printer.show(state(40, "processing", "Summarizing..."));
		printer.show(state(100, "completed", "Summary ready"));
		String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).matches("\\[  5%\\] Reading source information\\.\\.\\. \\(\\d+\\.\\d s\\)");
		assertThat(lines[2]).startsWith("[100%] Summary ready").doesNotContain("\u001b");
	}

	@Test
	void exitCodesFollowHowTheTaskEndedNeverItsWords() {
		assertThat(ExitCodes.forEnd(ended("completed", null, null))).isZero();
		assertThat(ExitCodes.forEnd(ended("error", "permanent", "This video is private; ask its owner…"))).isEqualTo(3);
		assertThat(ExitCodes.forEnd(ended("error", "gave_up", "YouTube kept answering 503."))).isEqualTo(4);
		assertThat(ExitCodes.forEnd(ended("error", "interrupted", "The server stopped."))).isEqualTo(4);
		assertThat(ExitCodes.forEnd(ended("error", "permanent", "Gave up after 3 attempts, in words only")))
			.isEqualTo(3);
		assertThat(ExitCodes.forEnd(ended("cancelled", "cancelled", null))).isEqualTo(5);
	}

}
