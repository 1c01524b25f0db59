-- Task records: one row per summarization, its uploaded input, and the log of its changes.
CREATE TABLE tasks (
    id             UUID          NOT NULL PRIMARY KEY,
    owner          VARCHAR(100)  NOT NULL,
    source_kind    VARCHAR(16)   NOT NULL,
    source_url     VARCHAR(4096),
    file_name      VARCHAR(512),
    language       VARCHAR(16),
    summarizer     VARCHAR(32),
    summary_length VARCHAR(16),
    status         VARCHAR(16)   NOT NULL,
    progress       INTEGER       NOT NULL,
    stage          VARCHAR(1000) NOT NULL,
    error          VARCHAR(2000),
    attempt        INTEGER       NOT NULL,
    max_attempts   INTEGER       NOT NULL,
    summary_id     UUID          NOT NULL,
    seq            BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX tasks_status_updated_idx ON tasks (status, updated_at);

CREATE TABLE task_inputs (
    task_id UUID NOT NULL PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    content TEXT NOT NULL
);

CREATE TABLE task_changes (
    task_id UUID          NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    seq     BIGINT        NOT NULL,
    body    VARCHAR(8000) NOT NULL,
    PRIMARY KEY (task_id, seq)
);
