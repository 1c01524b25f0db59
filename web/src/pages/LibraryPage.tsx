import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, snippetParts, timestamp, type LibraryItem, type LibraryPage as Page } from '../api';
import { Thumbnail } from '../components/Thumbnail';
import { Failure, failureText } from '../loaded';
import { useToast } from '../components/Toasts';
import { navigate, withParams } from '../router';
import { useTitle } from '../title';

const KINDS: Record<string, string> = { playlist: 'Playlist', channel: 'Channel', feed: 'Feed' };

const FIELDS: Record<string, string> = {
  tldr: 'TL;DR',
  key_point: 'Key point',
  chapter: 'Chapter',
  transcript: 'Transcript',
};

/** The library: its search, filters, order and page live in the address, so reload and Back keep them. */
export function LibraryPage({ params }: { params: URLSearchParams }) {
  const search = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const summarizer = params.get('summarizer') ?? '';
  const since = params.get('since') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  useTitle(search ? `“${search}” in the library` : 'Library');
  const toast = useToast();
  const [query, setQuery] = useState(search);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setQuery(search), [search]);

  const load = useCallback(async () => {
    try {
      setData(await api.library({ q: search, type, summarizer, since, sort, page }));
      setError(null);
    } catch (failure) {
      setError(failureText(failure));
    }
  }, [search, type, summarizer, since, sort, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const go = (change: Record<string, string | number>) =>
    navigate(withParams('/library', { q: search, type, summarizer, since, sort, page, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: query.trim(), page: 0 });
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
      toast('error', failureText(failure));
    }
  };

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      <form role="search" onSubmit={submit} className="row">
        <input
          type="search"
          aria-label="Search titles, channels, summaries and transcripts"
          placeholder="Search titles, channels, summaries and transcripts"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      <div className="row filters">
        <label>
          Source
          <select value={type} onChange={(event) => go({ type: event.target.value, page: 0 })}>
            <option value="">Any</option>
            <option value="youtube">YouTube</option>
            <option value="web">Web page</option>
            <option value="podcast">Podcast</option>
            <option value="upload">Upload</option>
            <option value="playlist">Playlist</option>
            <option value="channel">Channel</option>
            <option value="feed">Feed</option>
          </select>
        </label>
        <label>
          Summarizer
          <select value={summarizer} onChange={(event) => go({ summarizer: event.target.value, page: 0 })}>
            <option value="">Any</option>
            <option value="extractive">Extractive</option>
            <option value="llm">LLM</option>
          </select>
        </label>
        <label>
          Made since
          <input type="date" value={since} onChange={(event) => go({ since: event.target.value, page: 0 })} />
        </label>
        <label>
          Order
          <select value={sort} onChange={(event) => go({ sort: event.target.value, page: 0 })}>
            <option value="">{search ? 'Best match' : 'Newest'}</option>
            {search && <option value="newest">Newest</option>}
            <option value="oldest">Oldest</option>
            <option value="title">Title</option>
          </select>
        </label>
      </div>
      {error && <Failure message={error} onRetry={() => void load()} />}
      {data && data.items.length === 0 && (
        <p className="empty">
          {search || type || summarizer || since ? (
            <>
              Nothing matches{search && <> “{search}”</>}. Try other words, or{' '}
              <a href="#/library">clear the search and filters</a>.
            </>
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
          <p className="meta" aria-live="polite">
            {data.total} {data.total === 1 ? 'entry' : 'entries'}
          </p>
          <ul className="library">
            {data.items.map((item) => (
              <li key={item.id} className="item">
                <Thumbnail src={item.thumbnail} label={item.source_type} />
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
                      item.version_count && item.version_count > 1 ? `${item.version_count} versions` : null,
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
                  {item.snippet && (
                    <p className="snippet" data-testid="snippet">
                      <span className="field">
                        {FIELDS[item.snippet.field] ?? item.snippet.field}
                        {item.snippet.start_seconds != null && <> {timestamp(item.snippet.start_seconds)}</>}:
                      </span>{' '}
                      {snippetParts(item.snippet).map((part, index) =>
                        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
                      )}
                    </p>
                  )}
                </div>
                <button type="button" className="secondary" onClick={() => remove(item)}>
                  Delete<span className="visually-hidden"> {item.title}</span>
                </button>
              </li>
            ))}
          </ul>
          {data.total > data.size && (
            <nav className="row" aria-label="Pages">
              <button type="button" className="secondary" disabled={page === 0} onClick={() => go({ page: page - 1 })}>
                Previous
              </button>
              <span>
                Page {page + 1} of {Math.max(1, Math.ceil(data.total / data.size))}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={(page + 1) * data.size >= data.total}
                onClick={() => go({ page: page + 1 })}
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
