-- What sources read, kept for reuse: a second summary of the same video asks YouTube nothing.
-- One row of kind 'metadata' per content, and one per transcript language and kind
-- ('manual', 'auto', 'translated:xx').
CREATE TABLE source_cache (
    content_id VARCHAR(300) NOT NULL,
    language   VARCHAR(35)  NOT NULL,
    kind       VARCHAR(50)  NOT NULL,
    payload    TEXT         NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (content_id, language, kind)
);

CREATE INDEX source_cache_fetched_idx ON source_cache (fetched_at);

-- Chapters of a video, as JSON [{"start_seconds", "title"}].
ALTER TABLE summaries ADD COLUMN chapters TEXT;
