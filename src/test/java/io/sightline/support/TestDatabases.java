package io.sightline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The databases integration tests run on: H2 in a fresh data dir always, and PostgreSQL
 * when {@value #POSTGRES_URL} names one (a JDBC URL), each test context in a schema of
 * its own.
 */
public final class TestDatabases {

	public static final String POSTGRES_URL = "SIGHTLINE_TEST_POSTGRES_URL";

	private TestDatabases() {
	}

	public static void h2(DynamicPropertyRegistry registry) {
		Map<String, String> properties = h2Properties(freshDataDir());
		properties.forEach((key, value) -> registry.add(key, () -> value));
		fastSettings(registry);
	}

	public static void postgres(DynamicPropertyRegistry registry) {
		postgresProperties(freshSchema()).forEach((key, value) -> registry.add(key, () -> value));
		// files a server keeps (uploaded recordings) go to a fresh directory too
		Path dataDir = freshDataDir();
		registry.add("sightline.data-dir", dataDir::toString);
		fastSettings(registry);
	}

	public static Map<String, String> h2Properties(Path dataDir) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("sightline.data-dir", dataDir.toString());
		return properties;
	}

	public static Map<String, String> postgresProperties(String schema) {
		String url = System.getenv(POSTGRES_URL);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(POSTGRES_URL + " is not set");
		}
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.flyway.schemas", schema);
		return properties;
	}

	public static String freshSchema() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	public static Path freshDataDir() {
		try {
			return Files.createTempDirectory("sightline-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Short waits so tests do not idle: quick polling, backoff and progress writes. */
	public static Map<String, String> fastSettingsMap() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("db-scheduler.polling-interval", "200ms");
		properties.put("db-scheduler.heartbeat-interval", "1s");
		properties.put("db-scheduler.missed-heartbeats-limit", "4");
		properties.put("sightline.pipeline.initial-backoff", "300ms");
		properties.put("sightline.tasks.write-interval", "20ms");
		// no pacing of YouTube requests, but where a test measures it
		properties.put("sightline.youtube.min-interval", "0s");
		return properties;
	}

	private static void fastSettings(DynamicPropertyRegistry registry) {
		fastSettingsMap().forEach((key, value) -> registry.add(key, () -> value));
	}

}
