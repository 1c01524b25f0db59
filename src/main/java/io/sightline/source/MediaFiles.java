package io.sightline.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded recordings wait for their task ({@code sightline.media.dir}, default
 * {@code <data-dir>/media}), and each task's scratch space for converted audio and its
 * parts ({@code <media dir>/work/<task>}). Recordings are kept on disk, never in memory
 * or in the database; on a cluster the directory must be shared by the nodes (any node
 * may run the task).
 */
@Component
public class MediaFiles {

	private final Path root;

	public MediaFiles(@Value("${sightline.media.dir:${sightline.data-dir}/media}") Path root) {
		this.root = root;
	}

	/** Where the recording uploaded for a task is kept. */
	public Path recording(UUID taskId, String fileName) {
		return this.root.resolve(taskId + extension(fileName));
	}

	/**
	 * Where a task keeps a recording it fetched itself (a video's audio), its directory
	 * made; removed with the task's other files.
	 */
	public Path newRecording(UUID taskId, String fileName) {
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return recording(taskId, fileName);
	}

	/** Writes a task's recording with {@code writer}, which gets the path to write. */
	public Path store(UUID taskId, String fileName, Writer writer) {
		Path path = recording(taskId, fileName);
		try {
			Files.createDirectories(this.root);
			writer.write(path);
			return path;
		}
		catch (IOException ex) {
			delete(path);
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes a file to a path. */
	@FunctionalInterface
	public interface Writer {

		void write(Path path) throws IOException;

	}

	/** A new, empty scratch directory for a task's run. */
	public Path workDirectory(UUID taskId) {
		Path work = this.root.resolve("work").resolve(taskId.toString());
		deleteTree(work);
		try {
			return Files.createDirectories(work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes what a task left: its recording and its scratch directory. */
	public void release(UUID taskId) {
		if (Files.isDirectory(this.root)) {
			try (Stream<Path> files = Files.list(this.root)) {
				files.filter((file) -> file.getFileName().toString().startsWith(taskId + "."))
					.forEach(MediaFiles::delete);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		deleteTree(this.root.resolve("work").resolve(taskId.toString()));
	}

	/**
	 * Removes a directory and all it holds; nothing when it is not there. Files that
	 * another thread removes meanwhile (a part's own clean-up) are passed over.
	 */
	public static void deleteTree(Path directory) {
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
					if (failure instanceof NoSuchFileException) {
						return FileVisitResult.CONTINUE;
					}
					throw failure;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
					if (failure != null && !(failure instanceof NoSuchFileException)) {
						throw failure;
					}
					Files.deleteIfExists(visited);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (NoSuchFileException gone) {
			// not there, or removed meanwhile
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes a scratch file if it is there; one that cannot be removed now goes with its
	 * task's other files.
	 */
	public static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// removed with the task's files, or by the system's temporary cleaning
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String extension(String fileName) {
		String base = (fileName == null) ? "" : fileName.replaceAll("^.*[/\\\\]", "");
		int dot = base.lastIndexOf('.');
		String extension = (dot >= 0) ? base.substring(dot).toLowerCase(Locale.ROOT) : "";
		return extension.matches("\\.[a-z0-9]{1,5}") ? extension : ".media";
	}

}
