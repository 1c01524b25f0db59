import type { TaskState } from './api';

// Tasks started from this browser, so the home page can list those still in flight.
const KEY = 'sightline.tasks';

export interface StartedTask {
  taskId: string;
  label: string;
  startedAt: number;
}

export function rememberTask(task: StartedTask) {
  const all = startedTasks().filter((other) => other.taskId !== task.taskId);
  localStorage.setItem(KEY, JSON.stringify([task, ...all].slice(0, 20)));
}

export function forgetTask(taskId: string) {
  localStorage.setItem(KEY, JSON.stringify(startedTasks().filter((task) => task.taskId !== taskId)));
}

export function startedTasks(): StartedTask[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** What a task was asked to summarize and how, in a few words: its address or file, and the options set. */
export function describeSource(task: TaskState): string {
  const source = task.source;
  if (!source) return '';
  const what = source.kind === 'upload' ? (source.file_name ?? 'an upload') : (source.url ?? '');
  const options = [
    source.summarizer,
    source.length,
    source.language ? `captions ${source.language}` : null,
    source.summary_language ? `written in ${source.summary_language}` : null,
    source.transcript === 'asr' ? 'speech-to-text' : source.transcript === 'captions' ? 'captions only' : null,
    source.limit != null ? `${source.limit} items` : null,
    source.since ? `since ${source.since}` : null,
  ].filter(Boolean);
  return options.length > 0 ? `${what} · ${options.join(', ')}` : what;
}
