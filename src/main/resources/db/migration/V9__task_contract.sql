-- The typed task contract (issue 14): what a task is doing (phase), why it ended without a
-- summary (failure kind, code, retryable) and when a waiting retry starts.
ALTER TABLE tasks ADD COLUMN phase VARCHAR(16);
ALTER TABLE tasks ADD COLUMN failure_kind VARCHAR(16);
ALTER TABLE tasks ADD COLUMN failure_code VARCHAR(64);
ALTER TABLE tasks ADD COLUMN failure_retryable BOOLEAN;
ALTER TABLE tasks ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;

-- Tasks written before: ended ones are done, running ones take the phase of their progress
-- until their next stage starts; an older failure's cause was never recorded as data, so it is
-- unclassified, and trying again is offered.
UPDATE tasks SET phase = CASE
    WHEN status <> 'processing' THEN 'done'
    WHEN progress < 5 THEN 'queued'
    WHEN progress < 40 THEN 'fetching'
    WHEN progress < 90 THEN 'summarizing'
    ELSE 'storing' END;
UPDATE tasks SET failure_kind = 'cancelled', failure_code = 'task.cancelled', failure_retryable = TRUE
    WHERE status = 'cancelled';
UPDATE tasks SET failure_kind = 'permanent', failure_code = 'task.unclassified', failure_retryable = TRUE
    WHERE status = 'error';

ALTER TABLE tasks ALTER COLUMN phase SET NOT NULL;
