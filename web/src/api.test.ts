import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './api';

function fakeFetch(status = 200, body: unknown = {}) {
  const calls: { path: string; init?: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (path: string, init?: RequestInit) => {
    calls.push({ path, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  });
  return calls;
}

const header = (init: RequestInit | undefined, name: string) =>
  (init?.headers as Record<string, string> | undefined)?.[name];

describe('requests to a multi-user server', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('send the CSRF cookie back as a header on changes, not on reads', async () => {
    vi.stubGlobal('document', { cookie: 'theme=dark; XSRF-TOKEN=a%2Bb%3D; other=1' });
    const calls = fakeFetch(200, { name: 'alice', admin: false, mode: 'multi-user' });
    await api.signIn('alice', 'secret words');
    await api.session();
    await api.cancel('t1');
    expect(header(calls[0].init, 'X-XSRF-TOKEN')).toBe('a+b=');
    expect(header(calls[0].init, 'Content-Type')).toBe('application/json');
    expect(header(calls[1].init, 'X-XSRF-TOKEN')).toBeUndefined();
    expect(header(calls[2].init, 'X-XSRF-TOKEN')).toBe('a+b=');
  });

  it('send no CSRF header where there is no such cookie (single-user mode)', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const calls = fakeFetch(204);
    await api.deleteSummary('s1');
    expect(header(calls[0].init, 'X-XSRF-TOKEN')).toBeUndefined();
  });

  it('turn a refused sign-in into the server sentence with its status', async () => {
    fakeFetch(401, { detail: 'The name or the password is wrong; check both and try again.' });
    const failure = await api.signIn('alice', 'nope').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect((failure as ApiError).message).toBe('The name or the password is wrong; check both and try again.');
  });
});

describe('a summary request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a list request as the server reads it: limit a number, since a date, follow only when ticked', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const calls = fakeFetch(202, { task_id: 't1' });
    await api.summarizeUrl('https://example.org/feed.xml', { limit: '5', since: '2026-11-01', follow: true });
    await api.summarizeUrl('https://example.org/feed.xml', { limit: '', since: '', follow: false });
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({
      url: 'https://example.org/feed.xml',
      limit: 5,
      since: '2026-11-01',
      follow: true,
    });
    expect(JSON.parse(calls[1].init?.body as string)).toEqual({ url: 'https://example.org/feed.xml' });
  });

  it('leaves the list options out of a file upload', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const calls = fakeFetch(202, { task_id: 't1' });
    await api.summarizeFile(new File(['hello'], 'notes.txt'), { length: 'short', limit: '5', since: '2026-11-01', follow: true });
    const form = calls[0].init?.body as FormData;
    expect([...form.keys()].sort()).toEqual(['file', 'length']);
  });

  it('sends the options that were chosen, the transcript choice among them, and leaves out the rest', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const calls = fakeFetch(202, { task_id: 't1' });
    await api.summarizeUrl('https://youtu.be/abc', { summarizer: '', length: 'short', transcript: 'asr' });
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({
      url: 'https://youtu.be/abc',
      length: 'short',
      transcript: 'asr',
    });
  });

  it('sends how many videos of a playlist as a number, and nothing when the field is empty', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const calls = fakeFetch(202, { task_id: 't1' });
    await api.summarizeUrl('https://www.youtube.com/playlist?list=PL1', { limit: '3' });
    await api.summarizeUrl('https://www.youtube.com/playlist?list=PL1', { limit: '' });
    expect(JSON.parse(calls[0].init?.body as string)).toEqual({ url: 'https://www.youtube.com/playlist?list=PL1', limit: 3 });
    expect(JSON.parse(calls[1].init?.body as string)).toEqual({ url: 'https://www.youtube.com/playlist?list=PL1' });
  });
});
