import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TaskState } from '../api';
import { taskState } from '../testing';
import { ProgressView } from './ProgressView';

const base = taskState(20, 'processing', { phase: 'fetching', stage: 'Reading the transcript...' });

const render = (state: TaskState, now = Date.parse('2026-11-28T10:00:00Z')) =>
  renderToStaticMarkup(<ProgressView state={state} label="Progress" now={now} />);

describe('ProgressView', () => {
  it('shows a retry from the typed phase and plan, whatever the stage says', () => {
    const html = render({
      ...base,
      phase: 'retrying',
      stage: 'Nochmal in 4 s: YouTube antwortete 503',
      attempt: 2,
      retry: { attempt: 2, max_attempts: 3, next_at: '2026-11-28T10:00:04Z' },
    });
    expect(html).toContain('stage retrying');
    expect(html).toContain('Attempt 2 of 3 starts in 4 s');
  });

  it('does not style a stage as a retry because of its words', () => {
    const html = render({ ...base, phase: 'summarizing', stage: 'Retrying is a word in this title' });
    expect(html).not.toContain('stage retrying');
    expect(html).not.toContain('starts in');
  });

  it('says how far a running task is, and not how far an ended one got', () => {
    expect(render(base)).toContain('20% complete');
    expect(render({ ...base, status: 'error', phase: 'done', stage: 'Gave up after 3 attempts' })).not.toContain(
      '% complete',
    );
    expect(render({ ...base, status: 'cancelled', phase: 'done' })).not.toContain('% complete');
  });
});
