import { useEffect, useState } from 'react';
import { api, type Collection } from '../api';
import { CollectionItems } from '../components/CollectionItems';
import { useToast } from '../components/Toasts';
import { navigate } from '../router';
import { useTitle } from '../title';
import { failureText } from '../loaded';

const KINDS: Record<string, string> = { playlist: 'Playlist', channel: 'Channel', feed: 'Feed' };

/**
 * A collection of the library: the list it was read from, one row per item with its
 * summary, the whole as Markdown, and deleting it with the summaries it made.
 */
export function CollectionPage({ collectionId }: { collectionId: string }) {
  const toast = useToast();
  const [collection, setCollection] = useState<Collection | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(collection?.title ?? 'Collection');

  useEffect(() => {
    api
      .collection(collectionId)
      .then(setCollection)
      .catch((failure) => setError(failureText(failure)));
  }, [collectionId]);

  const remove = async () => {
    if (!collection) return;
    if (!window.confirm(`Delete “${collection.title}” and the summaries it made? This cannot be undone.`)) return;
    try {
      await api.deleteCollection(collection.id);
      toast('success', `Deleted “${collection.title}”.`);
      navigate('/library');
    } catch (failure) {
      toast('error', failureText(failure));
    }
  };

  if (error) {
    return (
      <section className="card">
        <div className="alert" role="alert">
          {error}
        </div>
        <a href="#/library">Back to the library</a>
      </section>
    );
  }
  if (!collection) return <p aria-busy="true">Loading…</p>;
  const running = !collection.completed_at;
  return (
    <section aria-labelledby="collection-page-title" className="card">
      <h1 id="collection-page-title">{collection.title}</h1>
      <p className="meta">
        {[
          collection.kind ? KINDS[collection.kind] : null,
          `${collection.items.length} item${collection.items.length === 1 ? '' : 's'}`,
          new Date(collection.created_at).toLocaleDateString(),
        ]
          .filter(Boolean)
          .join(' · ')}
        {running && (
          <>
            {' · '}
            <a href={`#/tasks/${collection.task_id}`}>being summarized</a>
          </>
        )}
      </p>
      <CollectionItems collectionId={collection.id} live={running} titled={false} />
      <p>
        <button type="button" className="secondary" onClick={remove} disabled={running}>
          Delete the collection
        </button>
      </p>
    </section>
  );
}
