package io.sightline.support;

import io.sightline.SightlineApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The real application plus {@link TestSources}, as a main class for tests that run
 * servers in their own JVM.
 */
public final class ServerWithTestSources {

	private ServerWithTestSources() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(SightlineApplication.class, TestSources.class).run(args);
	}

}
