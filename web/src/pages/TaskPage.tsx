import { useEffect, useState } from 'react';
import { api, type TaskState } from '../api';
import { CollectionItems } from '../components/CollectionItems';
import { ProgressView } from '../components/ProgressView';
import { useToast } from '../components/Toasts';
import { estimateSecondsLeft, watchTask, type Mode } from '../progress';
import { navigate } from '../router';
import { describeSource, forgetTask, startedTasks } from '../tasks';
import { useTitle } from '../title';
import { failureText } from '../loaded';

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function TaskPage({ taskId }: { taskId: string }) {
  const toast = useToast();
  const [state, setState] = useState<TaskState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('sse');
  const [now, setNow] = useState(Date.now());
  const [remembered] = useState(() => startedTasks().find((task) => task.taskId === taskId)?.label ?? null);
  // what the server says it summarizes wins over what this browser remembered
  const label = state?.title ?? state?.source?.url ?? state?.source?.file_name ?? remembered;
  useTitle(label ? `${state && state.status !== 'processing' ? `Task ${state.status}` : 'Summarizing'}: ${label}` : 'Summarizing');
  const address = state?.source?.url ?? (remembered && /^https?:\/\//.test(remembered) ? remembered : null);
  const retryLink = address ? `#/?url=${encodeURIComponent(address)}` : '#/';

  useEffect(() => {
    const stop = watchTask(taskId, {
      onUpdate: setState,
      onModeChange: setMode,
      onTerminal: (ended) => {
        forgetTask(taskId);
        if (ended.status === 'completed' && ended.collection_id) {
          // a playlist or channel: its items, each with its summary, stay on this page
          toast('success', 'Every item of the list has been handled.');
        } else if (ended.status === 'completed') {
          toast('success', 'Summary ready.');
          // let the finished bar be seen for a moment before the summary replaces it
          setTimeout(() => navigate(`/summaries/${ended.summary_id}`), 1200);
        }
        // a failure is said once, by the card below
      },
      onError: setFailure,
    });
    const clock = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      stop();
      clearInterval(clock);
    };
  }, [taskId, toast]);

  const cancel = async () => {
    try {
      setState(await api.cancel(taskId));
      toast('success', 'Cancelled.');
    } catch (error) {
      toast('error', failureText(error));
    }
  };

  if (failure) {
    return (
      <section className="card">
        <div className="alert" role="alert">
          {failure}
        </div>
        <a href="#/">Start a new summary</a>
      </section>
    );
  }
  if (!state) return <p aria-busy="true">Connecting…</p>;

  const elapsed = (Math.min(now, state.status === 'processing' ? now : Date.parse(state.updated_at)) - Date.parse(state.created_at)) / 1000;
  const left = state.status === 'processing' ? estimateSecondsLeft(state, now) : null;
  return (
    <section aria-labelledby="task-title" className="card">
      <h1 id="task-title">{state.status === 'processing' ? 'Summarizing…' : `Task ${state.status}`}</h1>
      {label && <p className="task-what">{label}</p>}
      {state.source && (
        <p className="meta" data-testid="task-source">
          {describeSource(state)}
        </p>
      )}
      <ProgressView state={state} label={state.collection_id ? 'Progress of all the items' : 'Summary progress'} now={now} />
      <p className="meta">
        Elapsed {duration(elapsed)}
        {left != null && <> · about {duration(left)} left</>}
        {mode === 'polling' && state.status === 'processing' && <> · live updates lost, checking every 2 s</>}
      </p>
      {state.status === 'processing' && (
        <button type="button" className="secondary" onClick={cancel}>
          Cancel
        </button>
      )}
      {state.status === 'error' && (
        <div className="alert" role="alert">
          <p>{state.error}</p>
          {state.failure?.retryable ? (
            <a href={retryLink} className="button">
              Try again
            </a>
          ) : (
            <a href="#/">Start a new summary</a>
          )}
        </div>
      )}
      {state.status === 'cancelled' && (
        <p>
          The task was cancelled; nothing was saved. <a href="#/">Start a new summary</a>
        </p>
      )}
      {state.status === 'completed' && state.summary_id && (
        <a href={`#/summaries/${state.summary_id}`}>Open the summary</a>
      )}
      {state.collection_id && (
        <CollectionItems collectionId={state.collection_id} live={state.status === 'processing'} />
      )}
    </section>
  );
}
