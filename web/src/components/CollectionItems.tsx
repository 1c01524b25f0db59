import { useEffect, useState } from 'react';
import { api, type Collection, type CollectionItem } from '../api';

/** How often the items are read again while the collection runs. */
const REFRESH_MS = 1500;

/**
 * The videos of a playlist or channel, one row each with its own bar and stage and, once
 * summarized, a link to its summary; read again while the collection runs (`live`).
 */
export function CollectionItems({
  collectionId,
  live,
  titled = true,
}: {
  collectionId: string;
  live: boolean;
  /** Whether to head the rows with the list's title (a page that has it already says no). */
  titled?: boolean;
}) {
  const [collection, setCollection] = useState<Collection | null>(null);

  useEffect(() => {
    let stopped = false;
    const read = async () => {
      try {
        const found = await api.collection(collectionId);
        if (!stopped) setCollection(found);
      } catch {
        // the task's own state says what went wrong; the items are read again on the next turn
      }
    };
    void read();
    const timer = live ? setInterval(() => void read(), REFRESH_MS) : undefined;
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
    };
  }, [collectionId, live]);

  if (!collection) return null;
  if (!collection.listed_at) return live ? <p className="meta">Reading the list…</p> : null;
  return <CollectionList collection={collection} titled={titled} />;
}

export function CollectionList({ collection, titled = true }: { collection: Collection; titled?: boolean }) {
  return (
    <section aria-labelledby={titled ? 'collection-title' : undefined} aria-label={titled ? undefined : 'Items'}>
      {titled ? (
        <h2 id="collection-title">
          <a href={collection.url} rel="noreferrer" target="_blank">
            {collection.title}
          </a>
        </h2>
      ) : (
        <p className="meta">
          <a href={collection.url} rel="noreferrer" target="_blank">
            {collection.url}
          </a>
        </p>
      )}
      {collection.completed_at && (
        <p>
          <a href={`/api/collections/${collection.id}/markdown`} download>
            Download every summary as Markdown
          </a>
        </p>
      )}
      <ol className="collection">
        {collection.items.map((item) => (
          <li key={item.position} data-status={item.status}>
            <ItemRow item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ItemRow({ item }: { item: CollectionItem }) {
  const done = item.status === 'completed';
  return (
    <>
      <div className="item-title">
        {done ? <a href={`#/summaries/${item.summary_id}`}>{item.title}</a> : item.title}
      </div>
      <div
        className={`bar bar-${item.status}`}
        role="progressbar"
        aria-label={item.title}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={item.progress}
      >
        <div className="fill" style={{ width: `${item.progress}%` }} />
      </div>
      <div className="meta">
        {item.status === 'error'
          ? item.error
          : item.status === 'cancelled'
            ? 'Cancelled'
            : done
              ? 'Summarized'
              : item.stage}
      </div>
    </>
  );
}
