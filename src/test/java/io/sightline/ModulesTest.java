package io.sightline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules of DESIGN.md as Spring Modulith sees them: each top-level package is a
 * module whose sub-packages are its internals, and no module may use another's internals
 * or depend on it in a cycle. The module documentation in {@code docs/modules} is made
 * from the code; this test says when it is out of date ({@code -Dmodules.docs.write=true}
 * writes it).
 */
class ModulesTest {

	static final ApplicationModules MODULES = ApplicationModules.of(SightlineApplication.class);

	static final Path DOCS = Path.of("docs/modules");

	@Test
	void modulesKeepToTheirPublicFaces() {
		MODULES.verify();
	}

	@Test
	void theModuleDocumentationIsMadeFromTheCode() throws IOException {
		Path generated = Path.of("target/modules-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		if (Boolean.getBoolean("modules.docs.write")) {
			copy(generated, DOCS);
		}
		for (Path file : files(generated)) {
			Path committed = DOCS.resolve(generated.relativize(file));
			assertThat(committed).as(committed + " (write it with -Dmodules.docs.write=true)").exists();
			// the order of the diagrams' lines follows class scanning, so it is not
			// compared
			assertThat(sortedLines(committed)).as(committed + " is out of date; -Dmodules.docs.write=true")
				.isEqualTo(sortedLines(file));
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		for (Path file : files(from)) {
			Path target = to.resolve(from.relativize(file));
			Files.createDirectories(target.getParent());
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
