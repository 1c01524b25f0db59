import { useEffect, useState } from 'react';

// Hash routes, so any path the server serves is the app: #/, #/tasks/ID, #/activity,
// #/library?q=…&page=…, #/summaries/ID, #/collections/ID, #/follows, #/account.
export type Route =
  | { page: 'home' }
  | { page: 'task'; id: string }
  | { page: 'activity' }
  | { page: 'library'; params: URLSearchParams }
  | { page: 'summary'; id: string }
  | { page: 'collection'; id: string }
  | { page: 'follows' }
  | { page: 'account' };

export function parse(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const [, first, id] = path.split('/');
  if (first === 'tasks' && id) return { page: 'task', id };
  if (first === 'summaries' && id) return { page: 'summary', id };
  if (first === 'collections' && id) return { page: 'collection', id };
  if (first === 'library') return { page: 'library', params: new URLSearchParams(query) };
  if (first === 'activity') return { page: 'activity' };
  if (first === 'follows') return { page: 'follows' };
  if (first === 'account') return { page: 'account' };
  return { page: 'home' };
}

export function navigate(path: string) {
  window.location.hash = path;
}

/** The address of a page with its parameters, leaving out those that are empty. */
export function withParams(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && !(key === 'page' && value === 0)) {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
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
