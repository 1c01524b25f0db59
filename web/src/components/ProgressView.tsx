import type { TaskState } from '../api';

/** Whole seconds until `at` (never negative). */
function secondsUntil(at: string, now: number): number {
  return Math.max(0, Math.round((Date.parse(at) - now) / 1000));
}

/** The progress bar with its stage text and percentage, announced to assistive technology. */
export function ProgressView({ state, label, now = Date.now() }: { state: TaskState; label: string; now?: number }) {
  const retrying = state.phase === 'retrying';
  return (
    <div className="progress">
      <div
        className={`bar bar-${state.status}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={state.progress}
        aria-valuetext={`${state.progress}% — ${state.stage}`}
      >
        <div className="fill" style={{ width: `${state.progress}%` }} />
      </div>
      <div className="progress-text">
        <span className={retrying ? 'stage retrying' : 'stage'}>{state.stage}</span>
        {state.status !== 'error' && state.status !== 'cancelled' && (
          <span className="percent">{state.progress}% complete</span>
        )}
      </div>
      {state.retry && state.status === 'processing' ? (
        <p className="notice">
          Attempt {state.retry.attempt} of {state.retry.max_attempts} starts in {secondsUntil(state.retry.next_at, now)} s
        </p>
      ) : (
        state.attempt > 1 &&
        state.status === 'processing' && (
          <p className="notice">
            Attempt {state.attempt} of {state.max_attempts}
          </p>
        )
      )}
    </div>
  );
}
