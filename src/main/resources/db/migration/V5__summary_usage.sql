-- What a model-backed summary cost: tokens sent and received, and the number of calls.
ALTER TABLE summaries ADD COLUMN prompt_tokens INTEGER;
ALTER TABLE summaries ADD COLUMN completion_tokens INTEGER;
ALTER TABLE summaries ADD COLUMN model_calls INTEGER;
