import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Summary, Version } from '../api';
import { sameOptions } from './HomePage';
import { Timeline } from './SummaryPage';

const summary: Summary = {
  id: 's1',
  title: 'A talk',
  source_url: 'https://www.youtube.com/watch?v=_ahvzDzKdB0',
  source_type: 'youtube',
  channel: null,
  duration_seconds: 1000,
  thumbnail_url: null,
  created_at: '2026-12-01T10:00:00Z',
  language: 'en',
  tldr: 'Short.',
  summary_markdown: '# A talk',
  chapters: [
    { start_seconds: 0, title: 'Start' },
    { start_seconds: 500, title: 'Middle' },
  ],
  key_points: [
    { text: 'One', start_seconds: 100 },
    { text: 'Two', start_seconds: 250 },
    { text: 'Three', start_seconds: 900 },
    { text: 'Untimed', start_seconds: null },
  ],
  summarizer: 'extractive',
  model: null,
  transcript_chars: 100,
};

describe('Timeline', () => {
  it('marks every timed key point and every chapter where it sits in the video', () => {
    const html = renderToStaticMarkup(<Timeline summary={summary} onSeek={() => undefined} />);
    expect(html.match(/mark key-point/g)).toHaveLength(3);
    expect(html.match(/mark chapter/g)).toHaveLength(2);
    expect(html).toContain('left:10%');
    expect(html).toContain('left:90%');
  });
});

describe('sameOptions', () => {
  const version: Version = {
    id: 'v1',
    title: 'A talk',
    created_at: '2026-12-01T10:00:00Z',
    summarizer: 'extractive',
    model: null,
    length: 'medium',
    summary_language: 'en',
  };

  it('offers the library’s summary when every option asked is the one it was made with', () => {
    expect(sameOptions(version, { summarizer: '', length: 'medium' })).toBe(true);
    expect(sameOptions(version, { summarizer: 'extractive', length: 'medium', summary_language: '' })).toBe(true);
    expect(sameOptions(version, { length: 'long' })).toBe(false);
    expect(sameOptions(version, { summarizer: 'llm' })).toBe(false);
  });
});
