-- What finished parts of a summarizer's work produced (a part's notes), kept per task so that a
-- retry or a run after a crash asks the model only for the parts not done yet. Removed with the
-- task's other checkpoints when its job ends.
CREATE TABLE pipeline_worklog (
    task_id    UUID         NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    entry_key  VARCHAR(100) NOT NULL,
    entry      TEXT         NOT NULL,
    PRIMARY KEY (task_id, entry_key)
);
