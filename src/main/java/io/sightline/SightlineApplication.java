package io.sightline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sightline: long content in, a summary in the library out, with honest progress on the way. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SightlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(SightlineApplication.class, args);
	}

}
