package io.sightline.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, listens on {@code sightline_progress} (notified by a trigger on the
 * change log) over one dedicated connection and publishes each notification as a
 * {@link TaskChangeNotified} event for this node's SSE subscribers. A lost connection is
 * re-opened and a resync event makes every subscriber catch up from the change log, so
 * none misses a change. On H2 it does nothing: one node, in-process events.
 */
@Component
class ChangeNotifications implements SmartLifecycle {

	static final String CHANNEL = "sightline_progress";

	private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	private Thread listener;

	ChangeNotifications(DataSource dataSource, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.events = events;
	}

	@Override
	public void start() {
		if (!isPostgres()) {
			return;
		}
		this.running = true;
		this.listener = new Thread(this::listen, "progress-listen");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private boolean isPostgres() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isWrapperFor(PGConnection.class);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private void listen() {
		boolean first = true;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (!first) {
					log.info("Listening for progress notifications again; catching subscribers up");
					this.events.publishEvent(TaskChangeNotified.resync());
				}
				first = false;
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(500);
					if (notifications == null) {
						continue;
					}
					for (PGNotification notification : notifications) {
						publish(notification.getParameter());
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Lost the progress notification connection ({}); reconnecting", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void publish(String payload) {
		int colon = payload.lastIndexOf(':');
		try {
			this.events.publishEvent(new TaskChangeNotified(UUID.fromString(payload.substring(0, colon)),
					Long.parseLong(payload.substring(colon + 1))));
		}
		catch (RuntimeException malformed) {
			log.debug("Ignoring notification {}", payload);
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
