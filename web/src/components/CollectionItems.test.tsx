import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Collection, CollectionItem } from '../api';
import { CollectionList } from './CollectionItems';

const item = (position: number, changes: Partial<CollectionItem>): CollectionItem => ({
  position,
  url: `https://www.youtube.com/watch?v=video${position}`,
  title: `Talk ${position}`,
  duration_seconds: 600,
  task_id: `task-${position}`,
  summary_id: `summary-${position}`,
  status: 'processing',
  progress: 0,
  stage: 'Waiting for a worker...',
  failure_code: null,
  error: null,
  ...changes,
});

const collection: Collection = {
  id: 'c1',
  task_id: 't1',
  kind: 'playlist',
  title: 'A course',
  url: 'https://www.youtube.com/playlist?list=PL1',
  created_at: '2026-12-07T10:00:00Z',
  listed_at: '2026-12-07T10:00:02Z',
  completed_at: null,
  items: [
    item(1, { status: 'completed', progress: 100, stage: 'Summary ready' }),
    item(2, { progress: 40, stage: 'Summarizing the transcript...' }),
    item(3, { status: 'error', progress: 20, failure_code: 'youtube.unavailable', error: 'This video is unavailable.' }),
  ],
};

describe('CollectionList', () => {
  it('shows each item with its own bar, links only the summarized ones, and says why one failed', () => {
    const html = renderToStaticMarkup(<CollectionList collection={collection} />);
    expect(html).toContain('href="#/summaries/summary-1"');
    expect(html).not.toContain('href="#/summaries/summary-2"');
    expect(html).not.toContain('href="#/summaries/summary-3"');
    expect(html).toContain('aria-valuenow="40"');
    expect(html).toContain('Summarizing the transcript...');
    expect(html).toContain('This video is unavailable.');
    expect(html.indexOf('Talk 1')).toBeLessThan(html.indexOf('Talk 2'));
    expect(html).not.toContain('/api/collections/c1/markdown');
  });

  it('offers every summary as one Markdown file once the collection completed', () => {
    const html = renderToStaticMarkup(<CollectionList collection={{ ...collection, completed_at: '2026-12-07T10:05:00Z' }} />);
    expect(html).toContain('href="/api/collections/c1/markdown"');
  });
});
