import { createContext, useCallback, useContext, useEffect, useState, type FormEvent } from 'react';
import {
  api,
  momentLink,
  playerAddress,
  timestamp,
  youtubeId,
  type QuestionAnswer,
  type Segment,
  type Summary,
  type Usage,
  type Version,
} from '../api';
import { Markdown } from '../components/Markdown';
import { Thumbnail } from '../components/Thumbnail';
import { useToast } from '../components/Toasts';
import { navigate } from '../router';
import { useTitle } from '../title';
import { failureText } from '../loaded';

/** Points the page's embedded player at a moment; null when the page has no player. */
const SeekContext = createContext<((seconds: number) => void) | null>(null);

function Moment({ url, seconds }: { url: string | null; seconds: number | null }) {
  const seek = useContext(SeekContext);
  if (seconds == null) return null;
  const label = timestamp(seconds);
  if (seek) {
    return (
      <button type="button" className="time" onClick={() => seek(seconds)} aria-label={`Play from ${label}`}>
        {label}
      </button>
    );
  }
  const link = momentLink(url, seconds);
  return link ? (
    <a className="time" href={link} target="_blank" rel="noreferrer" aria-label={`Open the video at ${label}`}>
      {label}
    </a>
  ) : (
    <span className="time">{label}</span>
  );
}

/** "1,234 tokens in, 567 out · 9 model calls · 42 s on the model · 0.0012 USD". */
export function usageLine(usage: Usage): string {
  const seconds = Math.round(usage.model_millis / 1000);
  return [
    `${usage.prompt_tokens.toLocaleString('en')} tokens in, ${usage.completion_tokens.toLocaleString('en')} out`,
    `${usage.calls} model call${usage.calls === 1 ? '' : 's'}`,
    seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s on the model` : `${seconds} s on the model`,
    usage.cost != null ? `${usage.cost.toFixed(4)} ${usage.currency ?? ''}`.trim() : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Questions about the video or text, answered from its transcript, with the conversation so far. */
function Questions({ summary }: { summary: Summary }) {
  const [asked, setAsked] = useState<QuestionAnswer[]>([]);
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.questions(summary.id).then(setAsked, () => setAsked([]));
  }, [summary.id]);

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    if (!question.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.ask(summary.id, question.trim());
      setAsked((before) => [...before, answer]);
      setQuestion('');
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">Ask about it</h2>
      <ol className="conversation">
        {asked.map((entry) => (
          <li key={entry.id}>
            <p className="question">{entry.question}</p>
            <p className="answer">{entry.answer}</p>
            {entry.passages.length > 0 && (
              <ul className="passages">
                {entry.passages.map((passage, index) => (
                  <li key={index}>
                    <Moment url={summary.source_url} seconds={passage.start_seconds} /> {passage.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <form className="row" onSubmit={ask}>
        <label className="grow">
          <span className="visually-hidden">Your question</span>
          <input
            value={question}
            placeholder="What did they say about…?"
            maxLength={500}
            onChange={(event) => setQuestion(event.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !question.trim()}>
          {busy ? 'Asking…' : 'Ask'}
        </button>
      </form>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}

/** Marks on a strip as long as the video: where each key point and chapter starts. */
export function Timeline({ summary, onSeek }: { summary: Summary; onSeek: (seconds: number) => void }) {
  const times = [
    ...summary.key_points.map((point) => point.start_seconds ?? 0),
    ...summary.chapters.map((chapter) => chapter.start_seconds),
  ];
  const length = Math.max(summary.duration_seconds ?? 0, ...times, 1);
  const at = (seconds: number) => `${Math.min(100, (seconds / length) * 100)}%`;
  return (
    <div className="timeline" data-testid="timeline" aria-label="Where the key points and chapters are">
      {summary.chapters.map((chapter) => (
        <button
          key={`c${chapter.start_seconds}`}
          type="button"
          className="mark chapter"
          style={{ left: at(chapter.start_seconds) }}
          title={`${timestamp(chapter.start_seconds)} ${chapter.title}`}
          aria-label={`Chapter at ${timestamp(chapter.start_seconds)}: ${chapter.title}`}
          onClick={() => onSeek(chapter.start_seconds)}
        />
      ))}
      {summary.key_points.map((point, index) =>
        point.start_seconds == null ? null : (
          <button
            key={`k${index}`}
            type="button"
            className="mark key-point"
            style={{ left: at(point.start_seconds) }}
            title={`${timestamp(point.start_seconds)} ${point.text}`}
            aria-label={`Key point at ${timestamp(point.start_seconds)}`}
            onClick={() => onSeek(point.start_seconds as number)}
          />
        ),
      )}
    </div>
  );
}

/** The title, and a form to rename it. */
function Title({ summary, onRenamed }: { summary: Summary; onRenamed: (renamed: Summary) => void }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(summary.title);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onRenamed(await api.rename(summary.id, title.trim()));
      setEditing(false);
    } catch (failure) {
      toast('error', failureText(failure));
    }
  };
  if (!editing) {
    return (
      <div className="row title-row">
        <h1 id="summary-title">{summary.title}</h1>
        <button type="button" className="secondary small" onClick={() => setEditing(true)}>
          Rename
        </button>
      </div>
    );
  }
  return (
    <form className="row" onSubmit={save}>
      <label className="grow">
        <span className="visually-hidden">New title</span>
        <input id="summary-title" value={title} maxLength={1000} onChange={(event) => setTitle(event.target.value)} autoFocus />
      </label>
      <button type="submit" disabled={!title.trim()}>
        Save
      </button>
      <button type="button" className="secondary" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}

export function SummaryPage({ summaryId }: { summaryId: string }) {
  const toast = useToast();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [versions, setVersions] = useState<Version[]>([]);
  const [transcript, setTranscript] = useState<Segment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showTranscript, setShowTranscript] = useState(false);
  const [raw, setRaw] = useState(false);
  const [moment, setMoment] = useState<{ seconds: number | null; play: boolean }>({ seconds: null, play: false });
  useTitle(summary?.title ?? 'Summary');

  const load = useCallback(() => {
    setError(null);
    api.summary(summaryId).then(setSummary, (failure) =>
      setError(failureText(failure)),
    );
    api.versions(summaryId).then(setVersions, () => setVersions([]));
  }, [summaryId]);

  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    if (showTranscript && !transcript) {
      api.transcript(summaryId).then(setTranscript, (failure) => toast('error', String(failure.message ?? failure)));
    }
  }, [showTranscript, transcript, summaryId, toast]);

  const video = youtubeId(summary?.source_url);
  const seek = useCallback((seconds: number) => {
    setMoment({ seconds, play: true });
    document.getElementById('player')?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, []);

  if (error) {
    return (
      <div className="alert" role="alert">
        {error}{' '}
        <button type="button" className="secondary" onClick={load}>
          Try again
        </button>{' '}
        <a href="#/library">Back to the library</a>
      </div>
    );
  }
  if (!summary) return <p aria-busy="true">Loading…</p>;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary.summary_markdown);
      toast('success', 'Copied the summary as markdown.');
    } catch {
      toast('error', 'The browser did not allow copying; use Download instead.');
    }
  };

  const remove = async () => {
    if (!window.confirm(`Delete the summary “${summary.title}”? This cannot be undone.`)) return;
    try {
      await api.deleteSummary(summary.id);
      toast('success', `Deleted “${summary.title}”.`);
      navigate('/library');
    } catch (failure) {
      toast('error', failureText(failure));
    }
  };

  const again = summary.source_url ? `#/?url=${encodeURIComponent(summary.source_url)}` : null;
  const hasTimes = summary.key_points.some((point) => point.start_seconds != null) || summary.chapters.length > 0;

  return (
    <SeekContext.Provider value={video ? seek : null}>
      <article className="card summary" aria-labelledby="summary-title">
        <Title summary={summary} onRenamed={setSummary} />
        <p className="meta">
          {[
            summary.channel,
            summary.duration_seconds != null ? timestamp(summary.duration_seconds) : null,
            summary.source_type,
            `${summary.summarizer}${summary.model ? ` (${summary.model})` : ''}`,
            summary.length,
            new Date(summary.created_at).toLocaleDateString(),
          ]
            .filter(Boolean)
            .join(' · ')}
          {summary.source_url && (
            <>
              {' · '}
              <a href={summary.source_url} target="_blank" rel="noreferrer">
                Source
              </a>
            </>
          )}
        </p>
        {summary.usage && <p className="meta">{usageLine(summary.usage)}</p>}
        {video ? (
          <div className="player">
            <iframe
              id="player"
              data-testid="player"
              title={`Video: ${summary.title}`}
              src={playerAddress(video, moment.seconds, moment.play)}
              allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
              referrerPolicy="strict-origin-when-cross-origin"
              loading="lazy"
            />
          </div>
        ) : (
          summary.thumbnail && <Thumbnail src={summary.thumbnail} label={summary.source_type} />
        )}
        {hasTimes && <Timeline summary={summary} onSeek={video ? seek : () => undefined} />}
        <div className="row actions">
          <button type="button" className="secondary" onClick={copy}>
            Copy markdown
          </button>
          <a className="button secondary" href={`/api/summaries/${summary.id}/markdown`} download>
            Download .md
          </a>
          <a className="button secondary" href={`/api/summaries/${summary.id}/export`} download={`${summary.id}.json`}>
            Export JSON
          </a>
          {again && (
            <a className="button secondary" href={again}>
              Summarize again
            </a>
          )}
          <button type="button" className="secondary" onClick={remove}>
            Delete
          </button>
        </div>
        {versions.length > 1 && (
          <p className="meta versions">
            {versions.length} versions:{' '}
            {versions.map((version, index) => (
              <span key={version.id}>
                {index > 0 && ', '}
                {version.id === summary.id ? (
                  <strong>{new Date(version.created_at).toLocaleString()} (this one)</strong>
                ) : (
                  <a href={`#/summaries/${version.id}`}>{new Date(version.created_at).toLocaleString()}</a>
                )}
              </span>
            ))}
          </p>
        )}
        {summary.tldr && (
          <section aria-labelledby="tldr-title">
            <h2 id="tldr-title">TL;DR</h2>
            <p className="tldr">{summary.tldr}</p>
          </section>
        )}
        <section aria-labelledby="points-title">
          <h2 id="points-title">Key points</h2>
          <ul className="points">
            {summary.key_points.map((point, index) => (
              <li key={index}>
                <Moment url={summary.source_url} seconds={point.start_seconds} /> {point.text}
              </li>
            ))}
          </ul>
        </section>
        {summary.chapters.length > 0 && (
          <section aria-labelledby="chapters-title">
            <h2 id="chapters-title">Chapters</h2>
            <ul className="points">
              {summary.chapters.map((chapter) => (
                <li key={chapter.start_seconds}>
                  <Moment url={summary.source_url} seconds={chapter.start_seconds} /> {chapter.title}
                </li>
              ))}
            </ul>
          </section>
        )}
        <Questions summary={summary} />
        <section aria-labelledby="markdown-title">
          <div className="row">
            <h2 id="markdown-title">Markdown</h2>
            <button type="button" className="secondary small" aria-pressed={raw} onClick={() => setRaw(!raw)}>
              {raw ? 'Show it rendered' : 'Show the Markdown'}
            </button>
          </div>
          {raw ? (
            <pre className="markdown-source" data-testid="markdown-source">
              {summary.summary_markdown}
            </pre>
          ) : (
            <details>
              <summary>Summary, rendered from its Markdown</summary>
              <Markdown source={summary.summary_markdown} />
            </details>
          )}
        </section>
        <details onToggle={(event) => setShowTranscript((event.target as HTMLDetailsElement).open)}>
          <summary>Transcript</summary>
          {transcript ? (
            <ol className="transcript">
              {transcript.map((segment, index) => (
                <li key={index}>
                  <Moment url={summary.source_url} seconds={segment.start_seconds} /> {segment.text}
                </li>
              ))}
            </ol>
          ) : (
            <p aria-busy="true">Loading the transcript…</p>
          )}
        </details>
      </article>
    </SeekContext.Provider>
  );
}
