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
