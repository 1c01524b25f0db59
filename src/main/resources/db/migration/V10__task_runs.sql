-- How many times a worker started on a task. A run that ends records an outcome (a retry, an
-- error, the summary); one that does not was cut off with its process, so runs beyond the
-- attempts are crashes, and a task that keeps taking its server down ends 'interrupted'.
ALTER TABLE tasks ADD COLUMN runs INTEGER DEFAULT 0 NOT NULL;
