-- Podcast feeds and follows (issue 17). A collection may take only items published since a
-- date; an episode's task keeps what its feed said of it (title, the enclosure's type, where
-- its transcript is), since its address is the enclosure's.
ALTER TABLE tasks ADD COLUMN list_since DATE;
ALTER TABLE tasks ADD COLUMN item_title VARCHAR(1000);
ALTER TABLE tasks ADD COLUMN item_media_type VARCHAR(100);
ALTER TABLE tasks ADD COLUMN item_transcript_url VARCHAR(4096);
ALTER TABLE tasks ADD COLUMN item_transcript_type VARCHAR(100);

-- A followed channel or feed: checked when `next_check_at` comes (one node at a time), its new
-- items summarized as a collection of their own with the options it was made with (kept as the
-- request's JSON). `paused` follows are not checked.
CREATE TABLE follows (
    id             UUID          NOT NULL PRIMARY KEY,
    owner          VARCHAR(100)  NOT NULL,
    url            VARCHAR(4096) NOT NULL,
    title          VARCHAR(1000),
    options        VARCHAR(4000) NOT NULL,
    paused         BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE,
    next_check_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error     VARCHAR(2000)
);

CREATE INDEX follows_owner_idx ON follows (owner, created_at);
CREATE INDEX follows_due_idx ON follows (next_check_at);

-- The items a follow has seen, so a check takes only the new ones.
CREATE TABLE follow_items (
    follow_id UUID          NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    url       VARCHAR(4096) NOT NULL,
    PRIMARY KEY (follow_id, url)
);

ALTER TABLE collections ADD COLUMN follow_id UUID;
