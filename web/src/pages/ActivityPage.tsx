import { useEffect } from 'react';
import { api, type TaskState } from '../api';
import { ProgressView } from '../components/ProgressView';
import { Failure, useLoaded } from '../loaded';
import { useTitle } from '../title';
import { describeSource } from '../tasks';

/** How often the list is read again while something runs. */
const REFRESH_MS = 2000;

/** Every request of the caller in flight and those that ended in the last day, from any browser or the CLI. */
export function ActivityPage() {
  useTitle('Activity');
  const { data: activity, error, load } = useLoaded(api.tasks);

  // while something runs (or the server was unreachable), read the list again
  useEffect(() => {
    if (!error && (!activity || activity.running === 0)) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [activity, error, load]);

  return (
    <section aria-labelledby="activity-title">
      <h1 id="activity-title">Activity</h1>
      {error && <Failure message={error} onRetry={() => void load()} />}
      {activity && activity.items.length === 0 && (
        <p className="empty">
          Nothing is running, and nothing ended in the last day. <a href="#/">Summarize something</a>.
        </p>
      )}
      {activity && activity.items.length > 0 && (
        <>
          <p className="meta">
            {activity.running} running · finished requests stay here for a day, their summaries stay in the library
          </p>
          <ul className="activity">
            {activity.items.map((task) => (
              <ActivityItem key={task.task_id} task={task} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ActivityItem({ task }: { task: TaskState }) {
  const title = task.title ?? task.source?.url ?? task.source?.file_name ?? 'Summary';
  const target =
    task.status === 'completed' && task.summary_id
      ? `#/summaries/${task.summary_id}`
      : task.status === 'completed' && task.collection_id
        ? `#/collections/${task.collection_id}`
        : `#/tasks/${task.task_id}`;
  return (
    <li className="card" data-status={task.status}>
      <a href={target} className="title">
        {title}
      </a>
      <p className="meta">
        {describeSource(task)} · started {new Date(task.created_at).toLocaleString()}
      </p>
      <ProgressView state={task} label={`Progress of ${title}`} />
      {task.status === 'error' && task.error && <p className="notice">{task.error}</p>}
    </li>
  );
}
