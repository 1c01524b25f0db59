import type { TaskState } from '../api';

/** The progress bar with its stage text and percentage, announced to assistive technology. */
export function ProgressView({ state, label }: { state: TaskState; label: string }) {
  const retrying = state.stage.startsWith('Retrying');
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
        <span className="percent">{state.progress}% complete</span>
      </div>
      {state.attempt > 1 && state.status === 'processing' && (
        <p className="notice">
          Attempt {state.attempt} of {state.max_attempts}
        </p>
      )}
    </div>
  );
}
