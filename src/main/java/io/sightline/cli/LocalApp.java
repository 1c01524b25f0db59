package io.sightline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for commands that work on this machine's data:
 * the same data dir, database and library as the server (while the server is not running
 * on it: the embedded database has one user at a time), or a throw-away in-memory
 * database with {@code --no-save}. Logs go to a file under the data dir, not to the
 * terminal.
 */
final class LocalApp {

	/**
	 * What a local run does not use: the server's endpoints, health, metrics export and
	 * security (with the three the server excludes too; this list replaces theirs). Fewer
	 * auto-configurations to read and check is a faster start.
	 */
	private static final String EXCLUDED = String.join(",",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
			"com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerActuatorAutoConfiguration",
			"com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerMetricsAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
			"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration");

	private LocalApp() {
	}

	static ConfigurableApplicationContext start(String dataDir, boolean save, boolean runJobs, List<String> settings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.lazy-initialization", "true");
		properties.put("logging.threshold.console", "OFF");
		if (dataDir != null) {
			properties.put("sightline.data-dir", dataDir);
		}
		properties.put("logging.file.name", save ? "${sightline.data-dir}/sightline-cli.log"
				: System.getProperty("java.io.tmpdir") + "/sightline-cli.log");
		if (!save) {
			properties.put("spring.datasource.url",
					"jdbc:h2:mem:sightline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}
		properties.put("db-scheduler.enabled", Boolean.toString(runJobs));
		properties.put("spring.autoconfigure.exclude", EXCLUDED);
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			if (equals <= 0) {
				throw new CliFailure(ExitCodes.BAD_INPUT, "A setting is name=value, such as"
						+ " sightline.youtube.proxy=http://proxy:3128; got " + setting + ".");
			}
			properties.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		try {
			// as arguments, so they win over application.properties like --name=value on
			// the server's command line
			String[] arguments = properties.entrySet()
				.stream()
				.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new);
			return new SpringApplicationBuilder(Cli.application()).web(WebApplicationType.NONE)
				.registerShutdownHook(false)
				.logStartupInfo(false)
				.run(arguments);
		}
		catch (RuntimeException ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			String message = String.valueOf(root.getMessage());
			if (message.contains("already in use") || message.contains("locked by another process")
					|| message.contains("file is locked")) {
				Path address = Path.of((dataDir != null) ? dataDir : "./data").resolve("server.address");
				if (Files.isReadable(address)) {
					throw new DataDirInUse(readFirstLine(address));
				}
				throw new CliFailure(ExitCodes.OTHER,
						"The data dir is in use by a running Sightline server; send the work"
								+ " to it with --server http://localhost:8080 (submit, watch, library, show), or use another"
								+ " --data-dir.");
			}
			throw new CliFailure(ExitCodes.OTHER,
					"Sightline could not start (" + message + "); the details are in the log under the data dir.");
		}
	}

	private static String readFirstLine(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new CliFailure(ExitCodes.OTHER, "The data dir is in use by a running Sightline server; send the"
					+ " work to it with --server http://localhost:8080.");
		}
	}

	/**
	 * The data dir is held by a running server, which wrote where it answers: commands
	 * that can ask it do so.
	 */
	static final class DataDirInUse extends CliFailure {

		private final String server;

		DataDirInUse(String server) {
			super(ExitCodes.OTHER, "The data dir is in use by the Sightline server at " + server + "; send the work to"
					+ " it with --server " + server + ", or use another --data-dir.");
			this.server = server;
		}

		String server() {
			return this.server;
		}

	}

}
