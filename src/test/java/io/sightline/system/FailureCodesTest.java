package io.sightline.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure codes are a contract: every code the server can give is well formed and listed
 * in {@code docs/api.md}, and the list names no code the server has stopped giving.
 */
class FailureCodesTest {

	private static final Pattern IN_SOURCE = Pattern
		.compile("(?:permanent|temporary|gaveUp|interrupted|Classified)\\(\\s*\"([a-z0-9_]+\\.[a-z0-9_]+)\"|"
				+ "(?:CODE|UNEXPECTED|_CODE)\\s*=\\s*\"([a-z0-9_]+\\.[a-z0-9_]+)\"");

	private static final Pattern IN_DOCS = Pattern.compile("^\\| `([a-z0-9_]+\\.[a-z0-9_]+)` \\|", Pattern.MULTILINE);

	@Test
	void everyCodeInTheSourceIsDocumentedAndEveryDocumentedCodeIsGiven() throws IOException {
		Set<String> given = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher codes = IN_SOURCE.matcher(Files.readString(file));
				while (codes.find()) {
					given.add((codes.group(1) != null) ? codes.group(1) : codes.group(2));
				}
			}
		}
		Set<String> documented = new TreeSet<>();
		Matcher rows = IN_DOCS.matcher(Files.readString(Path.of("docs/api.md")));
		while (rows.find()) {
			documented.add(rows.group(1));
		}
		assertThat(given).as("codes found in src/main/java").hasSizeGreaterThan(40);
		assertThat(documented).as("codes listed in docs/api.md").containsAll(given);
		documented.removeAll(given);
		documented.remove("task.unclassified");
		assertThat(documented).as("listed in docs/api.md but given nowhere").isEmpty();
	}

}
