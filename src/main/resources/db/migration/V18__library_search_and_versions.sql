-- Word search over the library (issue 18, ADR 0018): each summary's terms, with a weight
-- that grows with the field a term is in (title, channel, TL;DR, key points and chapters,
-- transcript) and how often it is there. Written by Sightline when a summary is stored, the
-- same on H2 and PostgreSQL; summaries stored before this migration are indexed at start-up
-- (`search_indexed`).
CREATE TABLE summary_terms (
    summary_id UUID         NOT NULL REFERENCES summaries (id) ON DELETE CASCADE,
    owner      VARCHAR(100) NOT NULL,
    term       VARCHAR(64)  NOT NULL,
    weight     INTEGER      NOT NULL,
    PRIMARY KEY (summary_id, term)
);

CREATE INDEX summary_terms_owner_term_idx ON summary_terms (owner, term);

-- One library entry per source and options: summaries of the same source (`source_key`: the
-- fingerprint of its address, or of an upload's text) made with the same options share a
-- `version_key` (the fingerprint of both); the newest is the entry, the others its versions.
ALTER TABLE summaries ADD COLUMN source_key VARCHAR(80);
ALTER TABLE summaries ADD COLUMN version_key VARCHAR(80);
ALTER TABLE summaries ADD COLUMN search_indexed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE summaries ADD COLUMN summary_length VARCHAR(16);

CREATE INDEX summaries_version_idx ON summaries (owner, version_key);
CREATE INDEX summaries_source_idx ON summaries (owner, source_key);

-- What a task summarizes, once its source has said (a video's title, a page's, a playlist's).
ALTER TABLE tasks ADD COLUMN title VARCHAR(1000);
CREATE INDEX tasks_owner_updated_idx ON tasks (owner, updated_at);

-- A disabled user can neither sign in nor use their tokens; their summaries stay.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- A summary's picture, fetched once when it was stored and served by Sightline.
CREATE TABLE summary_thumbnails (
    summary_id UUID        NOT NULL PRIMARY KEY REFERENCES summaries (id) ON DELETE CASCADE,
    media_type VARCHAR(32) NOT NULL,
    bytes      BYTEA       NOT NULL
);
