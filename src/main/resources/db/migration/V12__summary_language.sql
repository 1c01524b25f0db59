-- The language a summary is asked for (null: the transcript's own), and the one it was written in.
ALTER TABLE tasks ADD COLUMN summary_language VARCHAR(16);
ALTER TABLE summaries ADD COLUMN summary_language VARCHAR(16);
