// The one progress client every page uses: Server-Sent Events first, polling as the fallback.
import { isTerminal, type TaskState } from './api';

export type Mode = 'sse' | 'polling';

export interface ProgressHandlers {
  /** Every new state, in order; never a lower progress than shown before. */
  onUpdate: (state: TaskState) => void;
  /** The task ended (completed, error or cancelled); the client has stopped. */
  onTerminal: (state: TaskState) => void;
  /** The client gave up: the server could not be reached too many times in a row. */
  onError: (message: string) => void;
  onModeChange?: (mode: Mode) => void;
}

export interface ProgressOptions {
  pollIntervalMs?: number;
  /** Consecutive failed polls before giving up; the waits between them double. */
  maxFailures?: number;
  /** How many times an SSE connection may drop without a message in between before polling takes over. */
  sseRetries?: number;
  eventSource?: (url: string) => EventSource;
  fetchState?: (taskId: string) => Promise<TaskState>;
}

const defaultFetchState = async (taskId: string): Promise<TaskState> => {
  const response = await fetch(`/api/progress/${taskId}`);
  if (!response.ok) {
    let detail = `The server answered ${response.status}.`;
    try {
      detail = (await response.json()).detail ?? detail;
    } catch {
      // not Problem Details
    }
    const error = new Error(detail) as Error & { status?: number };
    error.status = response.status;
    throw error;
  }
  return (await response.json()) as TaskState;
};

/**
 * Follows a task until it ends. SSE (`/events`) is tried first; the browser resumes a dropped
 * stream with `Last-Event-ID`; if the stream drops again before any message arrives, or cannot be
 * opened, the client polls `GET /api/progress/{id}` every `pollIntervalMs`, backing off on failures
 * and giving up after `maxFailures` in a row. A 404 ends at once: the task does not exist.
 * Returns a function that stops following.
 */
export function watchTask(taskId: string, handlers: ProgressHandlers, options: ProgressOptions = {}): () => void {
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const maxFailures = options.maxFailures ?? 3;
  const sseRetries = options.sseRetries ?? 1;
  const openEventSource = options.eventSource ?? ((url: string) => new EventSource(url));
  const fetchState = options.fetchState ?? defaultFetchState;

  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: TaskState | null = null;
  let dropsWithoutMessage = 0;
  let failures = 0;

  const stop = () => {
    stopped = true;
    source?.close();
    source = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const deliver = (state: TaskState) => {
    if (stopped) return;
    if (last && state.status === 'processing' && state.progress < last.progress) {
      state = { ...state, progress: last.progress };
    }
    last = state;
    handlers.onUpdate(state);
    if (isTerminal(state.status)) {
      stop();
      handlers.onTerminal(state);
    }
  };

  const poll = async () => {
    if (stopped) return;
    try {
      const state = await fetchState(taskId);
      failures = 0;
      deliver(state);
      if (!stopped) timer = setTimeout(poll, pollIntervalMs);
    } catch (error) {
      if (stopped) return;
      const status = (error as { status?: number }).status;
      failures++;
      if (status === 404 || failures >= maxFailures) {
        stop();
        handlers.onError(
          status === 404
            ? `Task ${taskId} was not found; it may have expired. Start a new summary.`
            : `Lost contact with the server after ${failures} attempts (${(error as Error).message}); reload the page to try again.`,
        );
        return;
      }
      timer = setTimeout(poll, pollIntervalMs * 2 ** failures);
    }
  };

  const fallBackToPolling = () => {
    source?.close();
    source = null;
    handlers.onModeChange?.('polling');
    void poll();
  };

  const startSse = () => {
    try {
      source = openEventSource(`/api/progress/${taskId}/events`);
    } catch {
      fallBackToPolling();
      return;
    }
    handlers.onModeChange?.('sse');
    source.addEventListener('progress', (event) => {
      dropsWithoutMessage = 0;
      try {
        deliver(JSON.parse((event as MessageEvent<string>).data) as TaskState);
      } catch {
        // a malformed event is skipped; the next one carries the whole state again
      }
    });
    source.onerror = () => {
      if (stopped) return;
      dropsWithoutMessage++;
      if (source?.readyState === 2 || dropsWithoutMessage > sseRetries) {
        fallBackToPolling();
      }
      // otherwise the browser reconnects by itself, sending Last-Event-ID
    };
  };

  startSse();
  return stop;
}

/** Seconds left, from the progress made so far; null until there is enough to go on. */
export function estimateSecondsLeft(state: TaskState, now: number): number | null {
  const started = Date.parse(state.created_at);
  const elapsed = (now - started) / 1000;
  if (state.progress < 10 || state.progress >= 100 || elapsed < 2) return null;
  return Math.round((elapsed * (100 - state.progress)) / state.progress);
}
