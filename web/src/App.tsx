import { useEffect, useState } from 'react';
import { api, ApiError, type Session } from './api';
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
type SessionState = { known: false } | { known: true; session: Session | null };

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
          <a href="#/library" aria-current={route.page === 'library' ? 'page' : undefined}>
            Library
          </a>
          <a href="#/follows" aria-current={route.page === 'follows' ? 'page' : undefined}>
            Follows
          </a>
          {session?.mode === 'multi-user' && (
            <span className="who">
              {session.name}
              <button type="button" className="secondary" onClick={signOut}>
                Sign out
              </button>
            </span>
          )}
        </nav>
      </header>
      <main>
        {state.known && state.session === null && (
          <SignInPage onSignedIn={(signedIn) => setState({ known: true, session: signedIn })} />
        )}
        {session && route.page === 'home' && <HomePage />}
        {session && route.page === 'task' && <TaskPage key={route.id} taskId={route.id} />}
        {session && route.page === 'library' && <LibraryPage />}
        {session && route.page === 'summary' && <SummaryPage key={route.id} summaryId={route.id} />}
        {session && route.page === 'collection' && <CollectionPage key={route.id} collectionId={route.id} />}
        {session && route.page === 'follows' && <FollowsPage />}
      </main>
    </ToastProvider>
  );
}
