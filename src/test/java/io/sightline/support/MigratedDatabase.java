package io.sightline.support;

import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An in-memory H2 database with the application's migrations, for tests of one repository
 * without the application around it (what {@code @JdbcTest} gives in a slice).
 */
public final class MigratedDatabase {

	private final DataSource dataSource;

	public MigratedDatabase() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
		this.dataSource = h2;
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	public TransactionTemplate transactions() {
		return new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
	}

}
