import { useState, type FormEvent } from 'react';
import { api, ApiError, type Session } from '../api';
import { useTitle } from '../title';

/** Multi-user mode: a name and a password, then the app. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  useTitle('Sign in');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(name.trim(), password));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'Signing in failed; try again.');
      setBusy(false);
    }
  }

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="hint">This Sightline server keeps each person&apos;s summaries to themselves.</p>
      <form onSubmit={submit}>
        <label>
          Name
          <input name="name" autoComplete="username" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
