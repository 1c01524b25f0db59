-- Where a task's transcript should come from: 'captions', 'asr' (speech-to-text of the audio), or null for either.
ALTER TABLE tasks ADD COLUMN transcript_choice VARCHAR(16);
