package io.sightline.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.sightline.source.Chapter;
import io.sightline.source.SourceMetadata;
import io.sightline.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What finished stages produced, kept per task on the real schema. */
class CheckpointsTest {

	final MigratedDatabase database = new MigratedDatabase();

	final Checkpoints checkpoints = new Checkpoints(this.database.jdbc(), JsonMapper.shared());

	final SourceMetadata metadata = new SourceMetadata("A talk", "https://example.com/talk", "web", null, 60, null,
			"en", List.of(new Chapter(0, "Start")), null);

	@Test
	void aStagesResultReadsBackAsItWasSavedAndASecondSaveReplacesIt() {
		UUID task = aTask();
		assertThat(this.checkpoints.load(task, Stage.METADATA, SourceMetadata.class)).isEmpty();
		this.checkpoints.save(task, Stage.METADATA, this.metadata);
		assertThat(this.checkpoints.load(task, Stage.METADATA, SourceMetadata.class)).contains(this.metadata);

		SourceMetadata retitled = new SourceMetadata("Another title", "https://example.com/talk", "web", null, 60, null,
				"en", List.of(), null);
		this.checkpoints.save(task, Stage.METADATA, retitled);
		assertThat(this.checkpoints.load(task, Stage.METADATA, SourceMetadata.class)).contains(retitled);
		assertThat(this.checkpoints.load(task, Stage.TRANSCRIPT, SourceMetadata.class)).isEmpty();
	}

	@Test
	void clearingATaskLeavesOtherTasksCheckpoints() {
		UUID one = aTask();
		UUID other = aTask();
		this.checkpoints.save(one, Stage.METADATA, this.metadata);
		this.checkpoints.save(other, Stage.METADATA, this.metadata);
		this.checkpoints.clear(one);
		assertThat(this.checkpoints.load(one, Stage.METADATA, SourceMetadata.class)).isEmpty();
		assertThat(this.checkpoints.load(other, Stage.METADATA, SourceMetadata.class)).contains(this.metadata);
	}

	/** A task row for the checkpoints to belong to. */
	private UUID aTask() {
		UUID id = UUID.randomUUID();
		JdbcClient jdbc = this.database.jdbc();
		jdbc.sql("INSERT INTO tasks (id, owner, source_kind, status, progress, stage, phase, attempt, max_attempts,"
				+ " summary_id, seq, created_at, updated_at) VALUES (?, 'local', 'URL', 'processing', 0, 'Queued',"
				+ " 'queued', 1, 3, ?, 1, ?, ?)")
			.params(id, UUID.randomUUID(), Instant.EPOCH.atOffset(ZoneOffset.UTC),
					Instant.EPOCH.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

}
