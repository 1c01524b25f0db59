import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type ApiToken, type Session, type User } from '../api';
import { useToast } from '../components/Toasts';
import { failureText } from '../loaded';
import { useTitle } from '../title';

function when(instant: string | null): string {
  return instant ? new Date(instant).toLocaleString() : 'never';
}

/** The signed-in user's password and tokens; for administrators, every user too. */
export function AccountPage({ session }: { session: Session }) {
  useTitle('Account');
  if (session.mode !== 'multi-user') {
    return (
      <section className="card">
        <h1>Account</h1>
        <p>
          This server runs in single-user mode: there is nothing to sign into, and programs need no token. Start it
          with <code>sightline.security.mode=multi-user</code> to have users and tokens.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account: {session.name}</h1>
      <PasswordForm />
      <Tokens />
      {session.admin && <Users self={session.name} />}
    </section>
  );
}

function PasswordForm() {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) {
      setError('The two new passwords differ; type the same one twice.');
      return;
    }
    try {
      await api.changePassword(current, password);
      toast('success', 'Password changed; sign in with the new one.');
      window.dispatchEvent(new CustomEvent('sightline:signed-out'));
    } catch (failure) {
      setError(failureText(failure));
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <label>
        Current password
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label>
        New password (at least 10 characters)
        <input type="password" autoComplete="new-password" minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <label>
        The new password again
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
      </label>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      <button type="submit">Change the password</button>
    </form>
  );
}

/** A user's tokens (the caller's own, or another's for an administrator): make, list, revoke. */
export function Tokens({ user }: { user?: string }) {
  const toast = useToast();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTokens(await api.tokens(user));
      setError(null);
    } catch (failure) {
      setError(failureText(failure));
    }
  }, [user]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const token = await api.createToken(label.trim() || 'token', user);
      setMade(token.value);
      setLabel('');
      await load();
    } catch (failure) {
      setError(failureText(failure));
    }
  };

  const revoke = async (token: ApiToken) => {
    if (!window.confirm(`Revoke the token “${token.label}”? Programs using it stop working at once.`)) return;
    try {
      await api.revokeToken(token.id);
      toast('success', `Revoked “${token.label}”.`);
      await load();
    } catch (failure) {
      toast('error', failureText(failure));
    }
  };

  return (
    <section className="card" aria-label={user ? `Tokens of ${user}` : 'Your API tokens'}>
      <h2>{user ? `Tokens of ${user}` : 'API tokens'}</h2>
      <p className="meta">
        Programs and the command line send a token as <code>Authorization: Bearer …</code> (
        <code>SIGHTLINE_TOKEN=… sightline library --server {window.location.origin}</code>).
      </p>
      <form className="row" onSubmit={create}>
        <input aria-label="Token label" placeholder="What it is for (laptop, backup script…)" maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit">Create a token</button>
      </form>
      {made && (
        <div className="notice" role="status">
          <p>The new token, shown only this once; copy it now:</p>
          <code data-testid="new-token" className="token">
            {made}
          </code>
        </div>
      )}
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {tokens && tokens.length === 0 && <p className="empty">No tokens yet.</p>}
      {tokens && tokens.length > 0 && (
        <table className="tokens">
          <thead>
            <tr>
              <th>Label</th>
              <th>Created</th>
              <th>Last used</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.label}</td>
                <td>{when(token.created_at)}</td>
                <td>{when(token.last_used_at)}</td>
                <td>
                  {token.revoked_at ? (
                    `revoked ${when(token.revoked_at)}`
                  ) : (
                    <button type="button" className="secondary" onClick={() => void revoke(token)}>
                      Revoke<span className="visually-hidden"> {token.label}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every user, for administrators: add, disable or enable, reset a password, see their tokens. */
function Users({ self }: { self: string }) {
  const toast = useToast();
  const [users, setUsers] = useState<User[] | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await api.users());
    } catch (failure) {
      setError(failureText(failure));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const user = await api.addUser(name.trim(), password, admin);
      toast('success', `Added ${user.name}; they sign in with the password you chose.`);
      setName('');
      setPassword('');
      setAdmin(false);
      setError(null);
      await load();
    } catch (failure) {
      setError(failureText(failure));
    }
  };

  const change = async (user: User, change: { disabled?: boolean; password?: string }, done: string) => {
    try {
      await api.changeUser(user.name, change);
      toast('success', done);
      await load();
    } catch (failure) {
      toast('error', failureText(failure));
    }
  };

  const reset = (user: User) => {
    const chosen = window.prompt(`A new password for ${user.name} (at least 10 characters):`);
    if (chosen) void change(user, { password: chosen }, `Set a new password for ${user.name}.`);
  };

  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <form className="row" onSubmit={add} aria-label="Add a user">
        <input aria-label="New user's name" placeholder="name" value={name} onChange={(e) => setName(e.target.value)} required />
        <input
          aria-label="New user's password"
          type="password"
          autoComplete="new-password"
          placeholder="password (10+ characters)"
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <label className="check">
          <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} />
          Administrator
        </label>
        <button type="submit">Add the user</button>
      </form>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {users && (
        <ul className="users">
          {users.map((user) => (
            <li key={user.name} data-user={user.name}>
              <span className="title">
                {user.name} {user.admin && <span className="tag">admin</span>}{' '}
                {user.disabled && <span className="tag">disabled</span>}
              </span>
              <span className="row">
                {user.name !== self && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      void change(
                        user,
                        { disabled: !user.disabled },
                        user.disabled ? `Enabled ${user.name}.` : `Disabled ${user.name}; their sessions and tokens stopped.`,
                      )
                    }
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                    <span className="visually-hidden"> {user.name}</span>
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => reset(user)}>
                  Reset password<span className="visually-hidden"> of {user.name}</span>
                </button>
                <button type="button" className="secondary" onClick={() => setOpen(open === user.name ? null : user.name)}>
                  {open === user.name ? 'Hide tokens' : 'Tokens'}
                  <span className="visually-hidden"> of {user.name}</span>
                </button>
              </span>
              {open === user.name && <Tokens user={user.name} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
