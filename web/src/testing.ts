import type { TaskState } from './api';

/** A task's state for tests: processing at `progress`, with whatever `extra` changes. */
export function taskState(progress: number, status: TaskState['status'] = 'processing', extra: Partial<TaskState> = {}): TaskState {
  return {
    task_id: 't1',
    status,
    phase: status === 'processing' ? 'summarizing' : 'done',
    progress,
    stage: `stage at ${progress}`,
    error: null,
    failure: null,
    retry: null,
    summary_id: 's1',
    attempt: 1,
    max_attempts: 3,
    created_at: '2026-11-28T10:00:00Z',
    updated_at: '2026-11-28T10:00:01Z',
    ...extra,
  };
}
