package io.sightline.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A task's scratch directory is removed while its part threads may still remove their own
 * files: the removal must not fail on a file that is already gone (thrown from a
 * {@code finally}, it hid the real reason a task stopped, and the task was retried).
 */
class MediaFilesTest {

	@TempDir
	Path dir;

	@RepeatedTest(20)
	void aTreeIsRemovedWhileAnotherThreadRemovesFilesInIt() throws Exception {
		Path work = Files.createDirectories(this.dir.resolve("work").resolve("task"));
		for (int i = 0; i < 300; i++) {
			Files.writeString(Files.createDirectories(work.resolve("d" + (i % 10))).resolve("part-" + i + ".ogg"), "x");
		}
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < 300; i++) {
				MediaFiles.deleteQuietly(work.resolve("d" + (i % 10)).resolve("part-" + i + ".ogg"));
			}
		});

		assertThatNoException().isThrownBy(() -> MediaFiles.deleteTree(work));
		other.join();
		MediaFiles.deleteTree(work);
		assertThat(work).doesNotExist();
	}

}
