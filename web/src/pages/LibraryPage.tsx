import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, timestamp, type LibraryItem, type LibraryPage as Page } from '../api';
import { useToast } from '../components/Toasts';
import { useTitle } from '../title';

const KINDS: Record<string, string> = { playlist: 'Playlist', channel: 'Channel', feed: 'Feed' };

export function LibraryPage() {
  useTitle('Library');
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.library(search, page));
      setError(null);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }, [search, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(0);
    setSearch(query.trim());
  };

  const remove = async (item: LibraryItem) => {
    const { title } = item;
    const collection = item.kind === 'collection';
    const question = collection
      ? `Delete “${title}” and the summaries it made? This cannot be undone.`
      : `Delete the summary “${title}”? This cannot be undone.`;
    if (!window.confirm(question)) return;
    try {
      await (collection ? api.deleteCollection(item.id) : api.deleteSummary(item.id));
      toast('success', `Deleted “${title}”.`);
      await load();
    } catch (failure) {
      toast('error', failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      <form role="search" onSubmit={submit} className="row">
        <input
          type="search"
          aria-label="Search titles and summaries"
          placeholder="Search titles and summaries"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {data && data.items.length === 0 && (
        <p className="empty">
          {search ? (
            <>No summary matches “{search}”. Try other words, or clear the search.</>
          ) : (
            <>
              Your library is empty. <a href="#/">Summarize a video, an article or a transcript</a> and it will appear
              here.
            </>
          )}
        </p>
      )}
      {data && data.items.length > 0 && (
        <>
          <ul className="library">
            {data.items.map((item) => (
              <li key={item.id} className="item">
                {item.thumbnail_url ? (
                  <img src={item.thumbnail_url} alt="" loading="lazy" width={120} height={68} />
                ) : (
                  <div className="thumb" aria-hidden="true">
                    {item.source_type}
                  </div>
                )}
                <div>
                  <a
                    href={item.kind === 'collection' ? `#/collections/${item.id}` : `#/summaries/${item.id}`}
                    className="title"
                  >
                    {item.title}
                  </a>
                  <p className="meta">
                    {[
                      item.kind === 'collection'
                        ? `${KINDS[item.source_type] ?? 'Collection'} of ${item.item_count ?? 0} item${item.item_count === 1 ? '' : 's'}`
                        : null,
                      item.channel,
                      item.duration_seconds != null ? timestamp(item.duration_seconds) : null,
                      new Date(item.created_at).toLocaleDateString(),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    {item.collection_id && (
                      <>
                        {' · in '}
                        <a href={`#/collections/${item.collection_id}`}>{item.collection_title}</a>
                      </>
                    )}
                  </p>
                </div>
                <button type="button" className="secondary" onClick={() => remove(item)}>
                  Delete<span className="visually-hidden"> {item.title}</span>
                </button>
              </li>
            ))}
          </ul>
          {data.total > data.size && (
          <nav className="row" aria-label="Pages">
            <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </button>
            <span>
              Page {page + 1} of {Math.max(1, Math.ceil(data.total / data.size))}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={(page + 1) * data.size >= data.total}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </nav>
          )}
        </>
      )}
    </section>
  );
}
