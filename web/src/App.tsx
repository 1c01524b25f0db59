import { useEffect, useState } from 'react';
import { api, ApiError, type Session } from './api';
import { AccountPage } from './pages/AccountPage';
import { ActivityPage } from './pages/ActivityPage';
import { ToastProvider } from './components/Toasts';
import { HomePage } from './pages/HomePage';
import { CollectionPage } from './pages/CollectionPage';
import { FollowsPage } from './pages/FollowsPage';
import { LibraryPage } from './pages/LibraryPage';
import { SignInPage } from './pages/SignInPage';
import { SummaryPage } from './pages/SummaryPage';
import { TaskPage } from './pages/TaskPage';
import { useRoute } from './router';

/** Who is signed in: unknown while asking, null when a multi-user server wants a sign-in. */
type SessionState = { known: false } | { known: true; session: Session | null; signedOut?: boolean };

/** How often the header asks how many requests run. */
const RUNNING_REFRESH_MS = 5000;

/** How many of the caller's requests run now, asked again every few seconds and when one starts. */
function useRunning(enabled: boolean): number {
  const [running, setRunning] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    const ask = () => {
      if (document.visibilityState !== 'visible') return;
      api
        .tasks()
        .then((activity) => !stopped && setRunning(activity.running))
        .catch(() => undefined);
    };
    ask();
    const timer = setInterval(ask, RUNNING_REFRESH_MS);
    window.addEventListener('sightline:task-started', ask);
    window.addEventListener('hashchange', ask);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('sightline:task-started', ask);
      window.removeEventListener('hashchange', ask);
    };
  }, [enabled]);
  return running;
}

export function App() {
  const route = useRoute();
  const [state, setState] = useState<SessionState>({ known: false });
  useEffect(() => {
    api
      .session()
      .then((session) => setState({ known: true, session }))
      .catch((failure) =>
        setState(
          failure instanceof ApiError && failure.status === 401
            ? { known: true, session: null }
            : // an older or unreachable server: carry on, the pages say what fails
              { known: true, session: { name: 'local', admin: true, mode: 'single-user' } },
        ),
      );
  }, []);
  const session = state.known ? state.session : null;
  const running = useRunning(session !== null);

  useEffect(() => {
    const signedOut = () => setState({ known: true, session: null, signedOut: true });
    window.addEventListener('sightline:signed-out', signedOut);
    return () => window.removeEventListener('sightline:signed-out', signedOut);
  }, []);

  async function signOut() {
    await api.signOut().catch(() => undefined);
    setState({ known: true, session: null });
  }

  return (
    <ToastProvider>
      <header className="top">
        <a className="brand" href="#/">
          Sightline
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.page === 'home' ? 'page' : undefined}>
            Summarize
          </a>
          <a href="#/activity" aria-current={route.page === 'activity' ? 'page' : undefined}>
            Activity
            {running > 0 && (
              <span className="badge" data-testid="running" aria-label={`${running} running`}>
                {running}
              </span>
            )}
          </a>
          <a href="#/library" aria-current={route.page === 'library' ? 'page' : undefined}>
            Library
          </a>
          <a href="#/follows" aria-current={route.page === 'follows' ? 'page' : undefined}>
            Follows
          </a>
          {session?.mode === 'multi-user' && (
            <span className="who">
              <a href="#/account" aria-current={route.page === 'account' ? 'page' : undefined}>
                {session.name}
              </a>
              <button type="button" className="secondary" onClick={signOut}>
                Sign out
              </button>
            </span>
          )}
        </nav>
      </header>
      <main>
        {state.known && state.session === null && state.signedOut && (
          <p className="notice" role="status">
            You were signed out (the session ended or was closed elsewhere); sign in again to go on.
          </p>
        )}
        {state.known && state.session === null && (
          <SignInPage onSignedIn={(signedIn) => setState({ known: true, session: signedIn })} />
        )}
        {session && route.page === 'home' && <HomePage />}
        {session && route.page === 'task' && <TaskPage key={route.id} taskId={route.id} />}
        {session && route.page === 'activity' && <ActivityPage />}
        {session && route.page === 'library' && <LibraryPage params={route.params} />}
        {session && route.page === 'account' && <AccountPage session={session} />}
        {session && route.page === 'summary' && <SummaryPage key={route.id} summaryId={route.id} />}
        {session && route.page === 'collection' && <CollectionPage key={route.id} collectionId={route.id} />}
        {session && route.page === 'follows' && <FollowsPage />}
      </main>
    </ToastProvider>
  );
}
