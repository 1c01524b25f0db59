-- What a model-backed summary cost beyond its tokens: the time spent waiting on the model, and the
-- money at the prices configured when it was made.
ALTER TABLE summaries ADD COLUMN model_millis BIGINT;
ALTER TABLE summaries ADD COLUMN cost DOUBLE PRECISION;
ALTER TABLE summaries ADD COLUMN cost_currency VARCHAR(8);
