import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { api, withScheme, type Capabilities, type Options, type TaskState, type Version } from '../api';
import { ProgressView } from '../components/ProgressView';
import { useToast } from '../components/Toasts';
import { watchTask } from '../progress';
import { rememberedOptions, rememberOptions } from '../options';
import { navigate } from '../router';
import { forgetTask, rememberTask, startedTasks, type StartedTask } from '../tasks';
import { useTitle } from '../title';
import { failureText } from '../loaded';

const ACCEPTED =
  '.txt,.md,.srt,.vtt,.mp3,.m4a,.aac,.wav,.flac,.ogg,.oga,.opus,.webm,.mp4,.m4v,.mkv,.mov';

/** Languages offered for the summary (any two-letter code works through the API). */
const SUMMARY_LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['pt', 'Portuguese'],
  ['nl', 'Dutch'],
  ['pl', 'Polish'],
  ['ja', 'Japanese'],
  ['zh', 'Chinese'],
];

/** Whether the options ask for a list (a limit, a date, a follow): those are never offered from the library. */
function asksForList(options: Options): boolean {
  return Boolean(options.limit || options.since || options.follow);
}

/** Whether the library's summary was made as these options ask (an option left to the server matches any). */
export function sameOptions(existing: Version, options: Options): boolean {
  const same = (asked: string | undefined, made: string | null) => !asked || asked === (made ?? '');
  return (
    same(options.summarizer, existing.summarizer) &&
    same(options.length, existing.length) &&
    same(options.summary_language, existing.summary_language)
  );
}

export function HomePage() {
  useTitle('Summarize');
  const toast = useToast();
  const [url, setUrl] = useState(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('url') ?? '');
  const [options, setOptions] = useState<Options>(() =>
    rememberedOptions({
      summarizer: '',
      length: 'medium',
      language: '',
      summary_language: '',
      transcript: '',
      limit: '',
      since: '',
      follow: false,
    }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  const [offer, setOffer] = useState<Version | null>(null);

  useEffect(() => {
    api
      .capabilities()
      .then((known) => {
        setCapabilities(known);
        // a remembered choice the server cannot serve (no model any more) is dropped
        setOptions((current) =>
          current.summarizer && !known.summarizers.some((s) => s.name === current.summarizer)
            ? { ...current, summarizer: '', summary_language: '' }
            : current,
        );
      })
      .catch(() => undefined);
  }, []);
  const model = capabilities?.model ?? true;
  const speech = capabilities?.speech_to_text ?? true;
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const started = (taskId: string, label: string) => {
    rememberTask({ taskId, label, startedAt: Date.now() });
    navigate(`/tasks/${taskId}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = withScheme(url);
    if (!address) {
      setError('Paste the address of a YouTube video or a web article, or choose a file below.');
      return;
    }
    if (address !== url) setUrl(address);
    if (!asksForList(options)) {
      // the library may have it already, made the same way: offer it instead of summarizing again
      const existing = await api.existing(address).catch(() => [] as Version[]);
      if (existing.length > 0 && sameOptions(existing[0], options)) {
        setOffer(existing[0]);
        return;
      }
    }
    await summarizeAgain(address);
  };

  const summarizeAgain = async (address: string) => {
    setOffer(null);
    await send(() => api.summarizeUrl(address, options), address);
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    await send(() => api.summarizeFile(file, options), file.name);
  };

  const send = async (request: () => Promise<{ task_id: string }>, label: string) => {
    setBusy(true);
    setError(null);
    try {
      const created = await request();
      rememberOptions(options);
      window.dispatchEvent(new CustomEvent('sightline:task-started'));
      started(created.task_id, label);
    } catch (failure) {
      const message = failureText(failure);
      setError(message);
      toast('error', message);
    } finally {
      setBusy(false);
    }
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void upload(event.dataTransfer.files[0]);
  };

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Summarize a video, an article or a transcript</h1>
      <form onSubmit={submit} className="card">
        <label htmlFor="url">YouTube video, playlist or channel, podcast feed, or web page address</label>
        <div className="row">
          <input
            id="url"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://www.youtube.com/watch?v=…"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              setOffer(null);
            }}
            disabled={busy}
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Summarize'}
          </button>
        </div>
        {offer && (
          <div className="notice offer" role="status" data-testid="existing">
            <p>
              Already in your library: <a href={`#/summaries/${offer.id}`}>{offer.title}</a>, summarized{' '}
              {new Date(offer.created_at).toLocaleDateString()} ({offer.summarizer}
              {offer.length ? `, ${offer.length}` : ''}).
            </p>
            <div className="row">
              <a className="button" href={`#/summaries/${offer.id}`}>
                Open it
              </a>
              <button type="button" className="secondary" onClick={() => void summarizeAgain(withScheme(url))}>
                Summarize again
              </button>
            </div>
          </div>
        )}
        <div
          className={`drop ${dragging ? 'dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <p>Or drop a transcript or subtitle file (.txt, .md, .srt, .vtt) or a recording (audio or video) here</p>
          <button type="button" className="secondary" onClick={() => fileInput.current?.click()} disabled={busy}>
            Choose a file
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPTED}
            hidden
            data-testid="file"
            onChange={(event) => void upload(event.target.files?.[0])}
          />
        </div>
        <fieldset className="options">
          <legend>Options</legend>
          <label>
            Summarizer
            <select
              value={options.summarizer}
              onChange={(e) =>
                // only the LLM summarizer writes in another language
                setOptions({
                  ...options,
                  summarizer: e.target.value,
                  summary_language: e.target.value === 'llm' ? options.summary_language : '',
                })
              }
            >
              <option value="">Server default</option>
              <option value="extractive">Extractive (offline)</option>
              {model && <option value="llm">LLM (a model)</option>}
            </select>
          </label>
          <label>
            Length
            <select
              value={options.length}
              onChange={(e) => setOptions({ ...options, length: e.target.value })}
            >
              <option value="short">Short</option>
              <option value="medium">Medium</option>
              <option value="long">Long</option>
            </select>
          </label>
          <label>
            Language
            <input
              value={options.language}
              placeholder="auto, or en, de…"
              size={10}
              onChange={(e) => setOptions({ ...options, language: e.target.value })}
            />
          </label>
          <label>
            Summary in
            <select
              value={options.summary_language}
              disabled={options.summarizer !== 'llm'}
              title={options.summarizer !== 'llm' ? 'Only the LLM summarizer writes in another language' : undefined}
              onChange={(e) => setOptions({ ...options, summary_language: e.target.value })}
            >
              <option value="">The transcript's language</option>
              {SUMMARY_LANGUAGES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Items of a playlist, channel or feed
            <input
              type="number"
              min={1}
              max={200}
              value={options.limit}
              placeholder="25"
              size={5}
              onChange={(e) => setOptions({ ...options, limit: e.target.value })}
            />
          </label>
          <label>
            Published since
            <input
              type="date"
              value={options.since}
              title="Only the items of a channel or feed published since this day"
              onChange={(e) => setOptions({ ...options, since: e.target.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={options.follow}
              onChange={(e) => setOptions({ ...options, follow: e.target.checked })}
            />
            Follow the channel or feed: summarize new items as they come
          </label>
          <label>
            Video transcript
            <select
              value={options.transcript}
              title="Where a YouTube video's transcript comes from"
              onChange={(e) => setOptions({ ...options, transcript: e.target.value })}
            >
              <option value="">Captions, else speech-to-text</option>
              <option value="captions">Captions only</option>
              {speech && <option value="asr">Speech-to-text of the audio</option>}
            </select>
          </label>
        </fieldset>
        {error && (
          <div className="alert" role="alert">
            {error}
          </div>
        )}
      </form>
      <InFlight />
    </section>
  );
}

/** Tasks started from this browser that have not ended yet, each with its live bar. */
function InFlight() {
  const [tasks, setTasks] = useState<StartedTask[]>(() => startedTasks());
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="inflight-title" className="card">
      <h2 id="inflight-title">In flight</h2>
      <ul className="inflight">
        {tasks.map((task) => (
          <InFlightTask
            key={task.taskId}
            task={task}
            onEnded={() => {
              forgetTask(task.taskId);
              setTasks(startedTasks());
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function InFlightTask({ task, onEnded }: { task: StartedTask; onEnded: () => void }) {
  const [state, setState] = useState<TaskState | null>(null);
  // the latest callback, so a parent's re-render does not reopen the event stream
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  });
  useEffect(() => {
    const end = () => ended.current();
    return watchTask(task.taskId, { onUpdate: setState, onTerminal: end, onError: end });
  }, [task.taskId]);
  if (!state) return null;
  return (
    <li>
      <a href={`#/tasks/${task.taskId}`}>{task.label}</a>
      <ProgressView state={state} label={`Progress of ${task.label}`} />
    </li>
  );
}
