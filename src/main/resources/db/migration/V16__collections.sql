-- Collections (issue 17): a parent task lists an address (a playlist, a channel) and creates one
-- child task per item; each child points at its parent and carries its expected work (seconds of
-- video) as its weight in the parent's progress. The parent keeps the most items it may list.
ALTER TABLE tasks ADD COLUMN parent_id UUID;
ALTER TABLE tasks ADD COLUMN weight INTEGER;
ALTER TABLE tasks ADD COLUMN list_limit INTEGER;
CREATE INDEX tasks_parent_idx ON tasks (parent_id);

-- The collection as the library keeps it, under the id the parent task reserved for its result:
-- made with the task (its address is answered at once), its kind and title set when the list is
-- read (`listed_at`); its items in the list's order, each with its own task and the summary that
-- task stores. The items are started a few at a time, in order: `started` counts those whose job
-- was scheduled. An item's outcome is kept when the collection completes, since finished tasks
-- expire.
CREATE TABLE collections (
    id           UUID          NOT NULL PRIMARY KEY,
    owner        VARCHAR(100)  NOT NULL,
    task_id      UUID          NOT NULL,
    kind         VARCHAR(16),
    title        VARCHAR(1000) NOT NULL,
    url          VARCHAR(4096) NOT NULL,
    started      INTEGER       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    listed_at    TIMESTAMP WITH TIME ZONE,
    completed_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX collections_owner_idx ON collections (owner, created_at);

CREATE TABLE collection_items (
    collection_id    UUID          NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    position         INTEGER       NOT NULL,
    url              VARCHAR(4096) NOT NULL,
    title            VARCHAR(1000) NOT NULL,
    duration_seconds INTEGER,
    task_id          UUID          NOT NULL,
    summary_id       UUID          NOT NULL,
    status           VARCHAR(16),
    failure_code     VARCHAR(100),
    error            VARCHAR(2000),
    PRIMARY KEY (collection_id, position)
);
