import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';

/** The sentence to show for a failed call: the server's, or what went wrong. */
export function failureText(failure: unknown): string {
  return failure instanceof ApiError ? failure.message : String(failure);
}

/**
 * What `fetch` answers, read when the page opens and again on `load()`: the last answer (kept
 * while a new one comes) and the failure's sentence, if the last call failed.
 */
export function useLoaded<T>(fetch: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await fetch());
      setError(null);
    } catch (failure) {
      setError(failureText(failure));
    }
  }, [fetch]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, load };
}

/** A failure's sentence, with a way to try again (the server may be back). */
export function Failure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="alert" role="alert">
      {message}{' '}
      <button type="button" className="secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
