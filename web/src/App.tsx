import { ToastProvider } from './components/Toasts';
import { HomePage } from './pages/HomePage';
import { LibraryPage } from './pages/LibraryPage';
import { SummaryPage } from './pages/SummaryPage';
import { TaskPage } from './pages/TaskPage';
import { useRoute } from './router';

export function App() {
  const route = useRoute();
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
        </nav>
      </header>
      <main>
        {route.page === 'home' && <HomePage />}
        {route.page === 'task' && <TaskPage key={route.id} taskId={route.id} />}
        {route.page === 'library' && <LibraryPage />}
        {route.page === 'summary' && <SummaryPage key={route.id} summaryId={route.id} />}
      </main>
    </ToastProvider>
  );
}
