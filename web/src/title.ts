import { useEffect } from 'react';

/** The browser tab's title for the page shown: its own name, then the app's. */
export function useTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Sightline` : 'Sightline';
  }, [title]);
}
