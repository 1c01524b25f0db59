package io.sightline.pipeline;

import java.util.Optional;
import java.util.UUID;

import io.sightline.system.Worklog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What finished stages produced, kept per task so that a retry, or a re-run after a
 * crash, resumes at the stage that failed instead of fetching everything again.
 */
@Repository
class Checkpoints {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Checkpoints(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	<T> Optional<T> load(UUID taskId, Stage stage, Class<T> type) {
		return this.jdbc.sql("SELECT payload FROM pipeline_checkpoints WHERE task_id = ? AND stage = ?")
			.params(taskId, stage.name())
			.query(String.class)
			.optional()
			.map((payload) -> this.json.readValue(payload, type));
	}

	void save(UUID taskId, Stage stage, Object result) {
		this.jdbc.sql("DELETE FROM pipeline_checkpoints WHERE task_id = ? AND stage = ?")
			.params(taskId, stage.name())
			.update();
		this.jdbc.sql("INSERT INTO pipeline_checkpoints (task_id, stage, payload) VALUES (?, ?, ?)")
			.params(taskId, stage.name(), this.json.writeValueAsString(result))
			.update();
	}

	void clear(UUID taskId) {
		this.jdbc.sql("DELETE FROM pipeline_checkpoints WHERE task_id = ?").param(taskId).update();
		this.jdbc.sql("DELETE FROM pipeline_worklog WHERE task_id = ?").param(taskId).update();
	}

	/** The task's worklog: what finished parts of the summarize stage produced. */
	Worklog worklog(UUID taskId) {
		return new Worklog() {

			@Override
			public Optional<String> get(String key) {
				return Checkpoints.this.jdbc
					.sql("SELECT entry FROM pipeline_worklog WHERE task_id = ? AND entry_key = ?")
					.params(taskId, key)
					.query(String.class)
					.optional();
			}

			@Override
			public void put(String key, String value) {
				try {
					Checkpoints.this.jdbc
						.sql("INSERT INTO pipeline_worklog (task_id, entry_key, entry) VALUES (?, ?, ?)")
						.params(taskId, key, value)
						.update();
				}
				catch (DuplicateKeyException keptAlready) {
					// the same part was done twice at once; either copy serves
				}
			}

		};
	}

}
