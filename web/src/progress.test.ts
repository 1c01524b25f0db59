import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskState } from './api';
import { estimateSecondsLeft, watchTask } from './progress';
import { taskState } from './testing';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners: ((event: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(_name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(state: TaskState) {
    this.readyState = 1;
    this.listeners.forEach((listener) => listener({ data: JSON.stringify(state) } as MessageEvent<string>));
  }
  fail(closed = false) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.();
  }
}

const state = taskState;

function handlers() {
  return { onUpdate: vi.fn(), onTerminal: vi.fn(), onError: vi.fn(), onModeChange: vi.fn() };
}

const eventSource = (url: string) => new FakeEventSource(url) as unknown as EventSource;

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.opened = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchTask', () => {
  it('follows the SSE stream to the terminal state and stops', () => {
    const h = handlers();
    const fetchState = vi.fn();
    watchTask('t1', h, { eventSource, fetchState });
    const source = FakeEventSource.opened[0];
    expect(source.url).toBe('/api/progress/t1/events');
    source.emit(state(5));
    source.emit(state(40));
    source.emit(state(100, 'completed'));
    expect(h.onUpdate.mock.calls.map((call) => call[0].progress)).toEqual([5, 40, 100]);
    expect(h.onTerminal).toHaveBeenCalledWith(expect.objectContaining({ status: 'completed', summary_id: 's1' }));
    expect(source.closed).toBe(true);
    expect(fetchState).not.toHaveBeenCalled();
    expect(h.onModeChange).toHaveBeenCalledWith('sse');
  });

  it('lets the browser resume one drop, then falls back to polling every 2 s when SSE fails again', async () => {
    const h = handlers();
    const polls = [state(60), state(80), state(100, 'completed')];
    const fetchState = vi.fn(async () => polls.shift()!);
    watchTask('t1', h, { eventSource, fetchState });
    const source = FakeEventSource.opened[0];
    source.emit(state(30));
    source.fail();
    expect(fetchState).not.toHaveBeenCalled();
    source.fail();
    expect(source.closed).toBe(true);
    expect(h.onModeChange).toHaveBeenLastCalledWith('polling');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchState).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchState).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchState).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.onTerminal).toHaveBeenCalledWith(expect.objectContaining({ progress: 100 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchState).toHaveBeenCalledTimes(3);
  });

  it('polls at once when the stream is closed for good', async () => {
    const h = handlers();
    const fetchState = vi.fn(async () => state(100, 'completed'));
    watchTask('t1', h, { eventSource, fetchState });
    FakeEventSource.opened[0].fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.onTerminal).toHaveBeenCalled();
  });

  it('backs off on failed polls and gives up after three in a row', async () => {
    const h = handlers();
    const fetchState = vi.fn(async () => {
      throw new Error('network down');
    });
    watchTask('t1', h, { eventSource, fetchState });
    FakeEventSource.opened[0].fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchState).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3999);
    expect(fetchState).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchState).toHaveBeenCalledTimes(2);
    expect(h.onError).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(8000);
    expect(fetchState).toHaveBeenCalledTimes(3);
    expect(h.onError).toHaveBeenCalledWith(expect.stringContaining('Lost contact with the server after 3 attempts'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchState).toHaveBeenCalledTimes(3);
  });

  it('recovers when a poll succeeds before the limit', async () => {
    const h = handlers();
    let calls = 0;
    const fetchState = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new Error('blip');
      return state(100, 'completed');
    });
    watchTask('t1', h, { eventSource, fetchState });
    FakeEventSource.opened[0].fail(true);
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.onTerminal).toHaveBeenCalled();
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('ends at once for an unknown task', async () => {
    const h = handlers();
    const fetchState = vi.fn(async () => {
      throw Object.assign(new Error('Task t1 not found'), { status: 404 });
    });
    watchTask('t1', h, { eventSource, fetchState });
    FakeEventSource.opened[0].fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.onError).toHaveBeenCalledWith(expect.stringContaining('was not found'));
    expect(fetchState).toHaveBeenCalledTimes(1);
  });

  it('reports error and cancelled states as terminal, never lowers progress, and stops when asked', () => {
    const h = handlers();
    const stop = watchTask('t1', h, { eventSource, fetchState: vi.fn() });
    const source = FakeEventSource.opened[0];
    source.emit(state(50));
    source.emit(
      state(20, 'processing', {
        phase: 'retrying',
        stage: 'Retrying in 2 s (attempt 2 of 3): YouTube answered 503',
        retry: { attempt: 2, max_attempts: 3, next_at: '2026-11-28T10:00:03Z' },
      }),
    );
    expect(h.onUpdate.mock.calls[1][0].progress).toBe(50);
    source.emit(state(50, 'error', { error: 'This video is private.' }));
    expect(h.onTerminal).toHaveBeenCalledWith(expect.objectContaining({ status: 'error', error: 'This video is private.' }));
    stop();

    const h2 = handlers();
    const stop2 = watchTask('t2', h2, { eventSource, fetchState: vi.fn() });
    stop2();
    FakeEventSource.opened[1].emit(state(100, 'cancelled'));
    expect(h2.onUpdate).not.toHaveBeenCalled();
    expect(stop).toBeTypeOf('function');
  });

  it('estimates the time left once there is data', () => {
    const now = Date.parse('2026-11-28T10:00:10Z');
    expect(estimateSecondsLeft(state(5), now)).toBeNull();
    expect(estimateSecondsLeft(state(50), now)).toBe(10);
    expect(estimateSecondsLeft(state(100, 'completed'), now)).toBeNull();
  });
});
