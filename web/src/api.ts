// The HTTP contract of docs/api.md, as the UI uses it.

export type TaskStatus = 'processing' | 'completed' | 'error' | 'cancelled';

/** What a task is doing; `done` for every ended task, whatever its status. */
export type Phase = 'queued' | 'fetching' | 'transcribing' | 'summarizing' | 'storing' | 'retrying' | 'done';

/** Why a task ended without a summary (docs/api.md lists the codes). */
export interface TaskFailure {
  kind: 'permanent' | 'gave_up' | 'cancelled' | 'interrupted';
  code: string;
  retryable: boolean;
}

/** A retry that is waiting to start. */
export interface RetryPlan {
  attempt: number;
  max_attempts: number;
  next_at: string;
}

/**
 * A task's state. `stage` and `error` are sentences to show; the UI decides from `status`,
 * `phase`, `failure` and `retry` only.
 */
export interface TaskState {
  task_id: string;
  status: TaskStatus;
  phase: Phase;
  progress: number;
  stage: string;
  error: string | null;
  failure: TaskFailure | null;
  retry: RetryPlan | null;
  /** Where the summary is; null for a playlist or channel, whose items each have one. */
  summary_id: string | null;
  /** Set for a playlist or channel: where its items and their summaries are listed. */
  collection_id?: string | null;
  attempt: number;
  max_attempts: number;
  created_at: string;
  updated_at: string;
  /** What it summarizes: a file's name at first, then the source's own title; null until known. */
  title?: string | null;
  /** What was asked for; options left out are null (the server's defaults). */
  source?: TaskSource | null;
}

export interface TaskSource {
  kind: 'url' | 'upload' | 'collection';
  url: string | null;
  file_name: string | null;
  language: string | null;
  summarizer: string | null;
  length: string | null;
  summary_language: string | null;
  transcript: string | null;
  limit: number | null;
  since: string | null;
}

/** The caller's requests in flight and those that ended in the last day. */
export interface Activity {
  items: TaskState[];
  running: number;
}

/** What the server can do, so the form offers only that. */
export interface Capabilities {
  summarizers: { name: string; translates: boolean }[];
  default_summarizer: string;
  default_length: string;
  lengths: string[];
  languages: string[];
  model: boolean;
  speech_to_text: boolean;
  default_list_limit: number;
}

/** One summary of a source, with the options it was made with. */
export interface Version {
  id: string;
  title: string;
  created_at: string;
  summarizer: string;
  model: string | null;
  length: string | null;
  summary_language: string | null;
}

/** Where a search found its words: a piece of a field, with the places of the words. */
export interface Snippet {
  text: string;
  field: 'tldr' | 'key_point' | 'chapter' | 'transcript';
  start_seconds: number | null;
  highlights: { start: number; end: number }[];
}

export interface User {
  name: string;
  admin: boolean;
  disabled: boolean;
  disabled_at: string | null;
  created_at: string;
}

export interface ApiToken {
  id: string;
  user: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** What the library page shows: a search, filters, an order and a page. */
export interface LibraryQuery {
  q?: string;
  type?: string;
  summarizer?: string;
  /** Entries made on or after this day (YYYY-MM-DD). */
  since?: string;
  sort?: string;
  page?: number;
}

export interface TaskCreated {
  task_id: string;
  summary_id?: string;
  collection_id?: string;
  status_url: string;
  events_url: string;
}

/** One video of a playlist or channel, with its own task's state. */
export interface CollectionItem {
  position: number;
  url: string;
  title: string;
  duration_seconds: number | null;
  task_id: string;
  summary_id: string;
  status: TaskStatus;
  progress: number;
  stage: string | null;
  failure_code: string | null;
  error: string | null;
}

export interface Collection {
  id: string;
  task_id: string;
  /** Null until the list is read. */
  kind: 'playlist' | 'channel' | 'feed' | null;
  title: string;
  url: string;
  created_at: string;
  /** When the list was read and its items made; null before. */
  listed_at: string | null;
  completed_at: string | null;
  items: CollectionItem[];
}

export interface LibraryItem {
  id: string;
  title: string;
  source_url: string | null;
  source_type: string;
  channel: string | null;
  duration_seconds: number | null;
  thumbnail_url: string | null;
  created_at: string;
  /** A summary, or a collection (a playlist, channel or feed) that opens to its items. */
  kind?: 'summary' | 'collection';
  /** A collection's number of items. */
  item_count?: number | null;
  /** The collection a summary belongs to (found by a search). */
  collection_id?: string | null;
  collection_title?: string | null;
  summarizer?: string | null;
  /** How many summaries of this source with these options there are (this, the newest, among them). */
  version_count?: number | null;
  /** Where a search found its words; null without a search. */
  snippet?: Snippet | null;
  /** Where Sightline serves the picture it kept; null: none, show a placeholder. */
  thumbnail?: string | null;
}

/** A followed channel or feed, checked on a schedule for new items. */
export interface Follow {
  id: string;
  url: string;
  title: string | null;
  paused: boolean;
  created_at: string;
  checked_at: string | null;
  next_check_at: string;
  last_error: string | null;
  collections: number;
  latest_collection_id: string | null;
}

export interface LibraryPage {
  items: LibraryItem[];
  total: number;
  page: number;
  size: number;
}

export interface KeyPoint {
  text: string;
  start_seconds: number | null;
}

export interface Summary extends LibraryItem {
  language: string | null;
  tldr: string | null;
  summary_markdown: string;
  chapters: { start_seconds: number; title: string }[];
  key_points: KeyPoint[];
  summarizer: string;
  model: string | null;
  transcript_chars: number;
  summary_language?: string | null;
  /** What the model cost, for summaries made by one. */
  usage?: Usage | null;
  /** The length asked for. */
  length?: string | null;
}

/** Tokens, calls, time waiting on the model and, where prices are set, money. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  calls: number;
  model_millis: number;
  cost: number | null;
  currency: string | null;
}

export interface Segment {
  start_seconds: number | null;
  duration_seconds: number | null;
  text: string;
}

export interface Options {
  summarizer?: string;
  length?: string;
  /** The captions' or transcript's language. */
  language?: string;
  /** The language to write the summary in (the LLM summarizer translates); empty: the transcript's. */
  summary_language?: string;
  /** Where a video's transcript comes from: empty (captions, else speech-to-text), `captions` or `asr`. */
  transcript?: string;
  /** How many items of a playlist, channel or feed; empty: the server's default. */
  limit?: string;
  /** Only the items of a channel or feed published since this date (YYYY-MM-DD). */
  since?: string;
  /** Follow the channel or feed: summarize its new items as they come. */
  follow?: boolean;
}

/** A failed request, with the sentence the server gave (Problem Details `detail`). */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export const isTerminal = (status: TaskStatus) => status !== 'processing';

export interface Session {
  name: string;
  admin: boolean;
  mode: 'single-user' | 'multi-user';
}

/** The CSRF token a multi-user server sets as a cookie, to send back on every change. */
function csrfToken(): string | null {
  if (typeof document === 'undefined') return null;
  const match = document.cookie.split('; ').find((cookie) => cookie.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const method = (init?.method ?? 'GET').toUpperCase();
  const token = method === 'GET' ? null : csrfToken();
  const request = token ? { ...init, headers: { ...(init?.headers ?? {}), 'X-XSRF-TOKEN': token } } : init;
  try {
    response = await fetch(path, request);
  } catch {
    throw new ApiError('The server could not be reached; check that Sightline is running and try again.', 0);
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/session' && typeof window !== 'undefined') {
      // the session ended (signed out elsewhere, expired, or the user was disabled)
      window.dispatchEvent(new CustomEvent('sightline:signed-out'));
    }
    let detail = `The server answered ${response.status}.`;
    try {
      const problem = await response.json();
      if (problem && typeof problem.detail === 'string') detail = problem.detail;
    } catch {
      // no Problem Details body
    }
    throw new ApiError(detail, response.status);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The options that are text and set; a file's options leave out those only lists take. */
function withOptions(options: Options, forFile = false): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'string' || !value) continue;
    if (forFile && (key === 'limit' || key === 'since')) continue;
    fields[key] = value;
  }
  return fields;
}

export const api = {
  session: () => call<Session>('/api/session'),
  signIn: (name: string, password: string) =>
    call<Session>('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password }),
    }),
  signOut: () => call<void>('/api/session', { method: 'DELETE' }),
  summarizeUrl: (url: string, options: Options) =>
    call<TaskCreated>('/api/summaries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        url,
        ...withOptions(options),
        ...(options.limit ? { limit: Number(options.limit) } : {}),
        ...(options.follow ? { follow: true } : {}),
      }),
    }),
  summarizeFile: (file: File, options: Options) => {
    const form = new FormData();
    form.append('file', file);
    for (const [key, value] of Object.entries(withOptions(options, true))) form.append(key, value);
    return call<TaskCreated>('/api/summaries', { method: 'POST', body: form });
  },
  progress: (taskId: string) => call<TaskState>(`/api/progress/${taskId}`),
  cancel: (taskId: string) => call<TaskState>(`/api/progress/${taskId}/cancel`, { method: 'POST' }),
  library: (query: LibraryQuery) => {
    const params = new URLSearchParams({ page: String(query.page ?? 0), size: '24' });
    for (const key of ['q', 'type', 'summarizer', 'since', 'sort'] as const) {
      const value = query[key];
      if (value) params.set(key, value);
    }
    return call<LibraryPage>(`/api/library?${params}`);
  },
  tasks: () => call<Activity>('/api/tasks'),
  capabilities: () => call<Capabilities>('/api/capabilities'),
  existing: (url: string) => call<Version[]>(`/api/summaries?source_url=${encodeURIComponent(url)}`),
  versions: (id: string) => call<Version[]>(`/api/summaries/${id}/versions`),
  rename: (id: string, title: string) =>
    call<Summary>(`/api/summaries/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title }),
    }),
  users: () => call<User[]>('/api/users'),
  addUser: (name: string, password: string, admin: boolean) =>
    call<User>('/api/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password, admin }),
    }),
  changeUser: (name: string, change: { disabled?: boolean; password?: string }) =>
    call<User>(`/api/users/${encodeURIComponent(name)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(change),
    }),
  tokens: (user?: string) => call<ApiToken[]>(`/api/tokens${user ? `?user=${encodeURIComponent(user)}` : ''}`),
  createToken: (label: string, user?: string) =>
    call<{ id: string; user: string; value: string }>('/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(user ? { label, user } : { label }),
    }),
  revokeToken: (id: string) => call<ApiToken>(`/api/tokens/${id}`, { method: 'DELETE' }),
  changePassword: (current: string, password: string) =>
    call<void>('/api/session/password', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ current, password }),
    }),
  summary: (id: string) => call<Summary>(`/api/summaries/${id}`),
  collection: (id: string) => call<Collection>(`/api/collections/${id}`),
  deleteCollection: (id: string) => call<void>(`/api/collections/${id}`, { method: 'DELETE' }),
  follows: () => call<Follow[]>('/api/follows'),
  pauseFollow: (id: string, paused: boolean) =>
    call<Follow>(`/api/follows/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paused }),
    }),
  removeFollow: (id: string) => call<void>(`/api/follows/${id}`, { method: 'DELETE' }),
  transcript: (id: string) => call<Segment[]>(`/api/summaries/${id}/transcript`),
  deleteSummary: (id: string) => call<void>(`/api/summaries/${id}`, { method: 'DELETE' }),
  questions: (id: string) => call<QuestionAnswer[]>(`/api/summaries/${id}/questions`),
  ask: (id: string, question: string) =>
    call<QuestionAnswer>(`/api/summaries/${id}/questions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ question }),
    }),
};

/** A question about a summary's video or text, answered from its transcript. */
export interface QuestionAnswer {
  id: string;
  question: string;
  /** Written by the model from the passages (`from_model`), else the passages said plainly. */
  answer: string;
  passages: { start_seconds: number | null; text: string }[];
  from_model: boolean;
  created_at: string;
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function timestamp(seconds: number): string {
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A link to the moment of the video, for YouTube sources; null for others. */
export function momentLink(sourceUrl: string | null, seconds: number | null): string | null {
  if (!sourceUrl || seconds == null) return null;
  try {
    const url = new URL(sourceUrl);
    if (!/(^|\.)youtube\.com$|(^|\.)youtu\.be$/.test(url.hostname)) return null;
    url.searchParams.set('t', `${Math.floor(seconds)}s`);
    return url.toString();
  } catch {
    return null;
  }
}

/** The video id of a YouTube address (watch, youtu.be, shorts, embed), or null for anything else. */
export function youtubeId(sourceUrl: string | null | undefined): string | null {
  if (!sourceUrl) return null;
  try {
    const url = new URL(sourceUrl);
    const host = url.hostname.replace(/^(www|m)\./, '');
    const id =
      host === 'youtu.be'
        ? url.pathname.slice(1).split('/')[0]
        : host === 'youtube.com'
          ? (url.searchParams.get('v') ?? url.pathname.match(/^\/(?:shorts|embed|live)\/([^/]+)/)?.[1] ?? null)
          : null;
    return id && /^[A-Za-z0-9_-]{11}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The privacy-enhanced player's address for a video, starting at a moment. */
export function playerAddress(videoId: string, startSeconds: number | null, autoplay: boolean): string {
  const params = new URLSearchParams({ rel: '0' });
  if (startSeconds != null) params.set('start', String(Math.max(0, Math.floor(startSeconds))));
  if (autoplay) params.set('autoplay', '1');
  return `https://www.youtube-nocookie.com/embed/${videoId}?${params}`;
}

/** An address typed without its scheme (www.youtube.com/watch?v=…) gets https://. */
export function withScheme(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  return /^[^\s/]+\.[^\s/]+/.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/** A snippet's text in pieces, each marked or not, in order. */
export function snippetParts(snippet: Snippet): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const { start, end } of [...snippet.highlights].sort((a, b) => a.start - b.start)) {
    if (start < at || end > snippet.text.length) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), marked: false });
    parts.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return parts;
}
