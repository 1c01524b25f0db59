package io.sightline.summarize.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The prompts, kept as text files beside these classes ({@code NAME.txt}). */
final class Prompts {

	private Prompts() {
	}

	static String load(String name) {
		try (InputStream in = Prompts.class.getResourceAsStream(name + ".txt")) {
			if (in == null) {
				throw new IllegalStateException("missing prompt " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
