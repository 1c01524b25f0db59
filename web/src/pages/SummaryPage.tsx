import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, momentLink, timestamp, type QuestionAnswer, type Segment, type Summary, type Usage } from '../api';
import { Markdown } from '../components/Markdown';
import { useToast } from '../components/Toasts';
import { useTitle } from '../title';

function Moment({ url, seconds }: { url: string | null; seconds: number | null }) {
  if (seconds == null) return null;
  const link = momentLink(url, seconds);
  const label = timestamp(seconds);
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
      setError(failure instanceof ApiError ? failure.message : String(failure));
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

export function SummaryPage({ summaryId }: { summaryId: string }) {
  const toast = useToast();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [transcript, setTranscript] = useState<Segment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showTranscript, setShowTranscript] = useState(false);
  useTitle(summary?.title ?? 'Summary');

  useEffect(() => {
    api.summary(summaryId).then(setSummary, (failure) =>
      setError(failure instanceof ApiError ? failure.message : String(failure)),
    );
  }, [summaryId]);

  useEffect(() => {
    if (showTranscript && !transcript) {
      api.transcript(summaryId).then(setTranscript, (failure) => toast('error', String(failure.message ?? failure)));
    }
  }, [showTranscript, transcript, summaryId, toast]);

  if (error) {
    return (
      <div className="alert" role="alert">
        {error} <a href="#/library">Back to the library</a>
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

  const download = () => {
    const blob = new Blob([summary.summary_markdown], { type: 'text/markdown' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${summary.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'summary'}.md`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <article className="card summary" aria-labelledby="summary-title">
      <h1 id="summary-title">{summary.title}</h1>
      <p className="meta">
        {[summary.channel, summary.duration_seconds != null ? timestamp(summary.duration_seconds) : null,
          summary.source_type, `${summary.summarizer}${summary.model ? ` (${summary.model})` : ''}`]
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
      <div className="row">
        <button type="button" className="secondary" onClick={copy}>
          Copy markdown
        </button>
        <button type="button" className="secondary" onClick={download}>
          Download .md
        </button>
      </div>
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
      <details>
        <summary>Summary as markdown</summary>
        <Markdown source={summary.summary_markdown} />
      </details>
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
  );
}
