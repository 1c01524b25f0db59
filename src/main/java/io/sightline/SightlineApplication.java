package io.sightline;

import java.security.CodeSource;
import java.util.Arrays;

import io.sightline.cli.Cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Sightline: long content in, a summary in the library out, with honest progress on the
 * way.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SightlineApplication {

	static final String AOT_ENABLED = "spring.aot.enabled";

	public static void main(String[] args) {
		if (Cli.isCommand(args)) {
			System.exit(Cli.run(SightlineApplication.class, args));
		}
		String[] serverArgs = (args.length > 0 && args[0].equals("serve")) ? Arrays.copyOfRange(args, 1, args.length)
				: args;
		if (System.getProperty(AOT_ENABLED) == null && runsFromPackagedJar() && aotProcessed()) {
			// the bean definitions prepared when this jar was built (docs/adr/0011)
			System.setProperty(AOT_ENABLED, "true");
		}
		SpringApplication.run(SightlineApplication.class, serverArgs);
	}

	/**
	 * From the jar the build made, whose ahead-of-time bean definitions were made from
	 * these very classes; not from a development tree, where they may be older than the
	 * code.
	 */
	static boolean runsFromPackagedJar() {
		CodeSource source = SightlineApplication.class.getProtectionDomain().getCodeSource();
		String location = (source != null && source.getLocation() != null) ? source.getLocation().toString() : "";
		// java -jar: jar:nested:…/sightline.jar/!BOOT-INF/classes/!/; the extracted jar:
		// file:…/sightline.jar
		return location.startsWith("jar:") || location.startsWith("nested:") || location.endsWith(".jar");
	}

	private static boolean aotProcessed() {
		try {
			Class.forName(SightlineApplication.class.getName() + "__ApplicationContextInitializer", false,
					SightlineApplication.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException notBuiltAheadOfTime) {
			return false;
		}
	}

}
