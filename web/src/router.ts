import { useEffect, useState } from 'react';

// Hash routes, so any path the server serves is the app: #/, #/tasks/ID, #/library, #/summaries/ID,
// #/collections/ID, #/follows.
export type Route =
  | { page: 'home' }
  | { page: 'task'; id: string }
  | { page: 'library' }
  | { page: 'summary'; id: string }
  | { page: 'collection'; id: string }
  | { page: 'follows' };

export function parse(hash: string): Route {
  const [, first, id] = hash.replace(/^#/, '').split('?')[0].split('/');
  if (first === 'tasks' && id) return { page: 'task', id };
  if (first === 'summaries' && id) return { page: 'summary', id };
  if (first === 'collections' && id) return { page: 'collection', id };
  if (first === 'library') return { page: 'library' };
  if (first === 'follows') return { page: 'follows' };
  return { page: 'home' };
}

export function navigate(path: string) {
  window.location.hash = path;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}
