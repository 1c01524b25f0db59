-- The library: stored summaries and the transcripts they were made from. Never expired.
CREATE TABLE summaries (
    id               UUID          NOT NULL PRIMARY KEY,
    owner            VARCHAR(100)  NOT NULL,
    task_id          UUID,
    title            VARCHAR(1000) NOT NULL,
    source_url       VARCHAR(4096),
    source_type      VARCHAR(32)   NOT NULL,
    channel          VARCHAR(500),
    duration_seconds INTEGER,
    thumbnail_url    VARCHAR(4096),
    language         VARCHAR(16),
    tldr             TEXT,
    summary_markdown TEXT          NOT NULL,
    key_points       TEXT          NOT NULL,
    summarizer       VARCHAR(32)   NOT NULL,
    model            VARCHAR(200),
    transcript_chars INTEGER       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX summaries_owner_created_idx ON summaries (owner, created_at);
CREATE UNIQUE INDEX summaries_task_idx ON summaries (task_id);

CREATE TABLE transcripts (
    summary_id UUID NOT NULL PRIMARY KEY REFERENCES summaries (id) ON DELETE CASCADE,
    segments   TEXT NOT NULL
);
