package io.sightline;

import io.sightline.cli.Cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sightline: long content in, a summary in the library out, with honest progress on the way. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SightlineApplication {

	public static void main(String[] args) {
		if (Cli.isCommand(args)) {
			System.exit(Cli.run(args));
		}
		String[] serverArgs = (args.length > 0 && args[0].equals("serve"))
				? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
		SpringApplication.run(SightlineApplication.class, serverArgs);
	}

}
