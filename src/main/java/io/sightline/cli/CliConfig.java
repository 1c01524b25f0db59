package io.sightline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's own settings, read from {@code $XDG_CONFIG_HOME/sightline/config}
 * (else {@code ~/.config/sightline/config}): lines of {@code name = value}, {@code #} for
 * comments. Known names: {@code server} (as {@code --server}), {@code token-file} (as
 * {@code --token-file}) and {@code token}. Options and environment variables win over it.
 */
final class CliConfig {

	private final Path file;

	private final Map<String, String> values;

	private CliConfig(Path file, Map<String, String> values) {
		this.file = file;
		this.values = values;
	}

	static CliConfig of(Streams streams) {
		Path file = location(streams.environment());
		if (file == null || !Files.isReadable(file)) {
			return new CliConfig(file, Map.of());
		}
		Map<String, String> values = new LinkedHashMap<>();
		try {
			int number = 0;
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				number++;
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				int equals = text.indexOf('=');
				if (equals <= 0) {
					throw new CliFailure(ExitCodes.BAD_INPUT, "Line " + number + " of " + file
							+ " is not name = value (such as server = http://localhost:8080); fix or remove it.");
				}
				values.put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
			}
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.BAD_INPUT,
					"Could not read " + file + " (" + ex.getMessage() + "); check that you may read it.");
		}
		return new CliConfig(file, values);
	}

	static Path location(Map<String, String> environment) {
		String config = environment.get("XDG_CONFIG_HOME");
		if (config != null && !config.isBlank()) {
			return Path.of(config, "sightline", "config");
		}
		String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
		return (home != null && !home.isBlank()) ? Path.of(home, ".config", "sightline", "config") : null;
	}

	Optional<String> get(String name) {
		return Optional.ofNullable(this.values.get(name)).filter((value) -> !value.isEmpty());
	}

	/** The file a value came from, for sentences about it. */
	Path file() {
		return this.file;
	}

}
