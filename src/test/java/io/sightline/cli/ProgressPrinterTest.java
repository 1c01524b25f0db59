package io.sightline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {

	@Test
	void aDescriptorIsATerminalWhenItLeadsToOne() throws Exception {
		Path dir = Files.createTempDirectory("fds-");
		Path terminal = Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/pts/3"));
		Path file = Files.createSymbolicLink(dir.resolve("1"), dir.resolve("summary.md"));
		assertThat(ProgressPrinter.isTerminal(terminal)).isTrue();
		assertThat(ProgressPrinter.isTerminal(file)).isFalse();
		assertThat(ProgressPrinter.isTerminal(dir.resolve("missing"))).isFalse();
	}

}
