-- Questions asked about a summary's video or text, with their answers and the passages they came
-- from: one conversation per summary, its owner's alone, removed with the summary.
CREATE TABLE summary_questions (
    id          UUID          NOT NULL PRIMARY KEY,
    summary_id  UUID          NOT NULL REFERENCES summaries (id) ON DELETE CASCADE,
    owner       VARCHAR(100)  NOT NULL,
    question    VARCHAR(1000) NOT NULL,
    answer      TEXT          NOT NULL,
    passages    TEXT          NOT NULL,
    from_model  BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX summary_questions_summary_idx ON summary_questions (summary_id, created_at);
