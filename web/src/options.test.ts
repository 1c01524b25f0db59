import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberedOptions, rememberOptions } from './options';

function fakeStorage() {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
  });
  return items;
}

describe('remembered options', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('bring back how the last summary was made, not what it was of', () => {
    fakeStorage();
    const defaults = { summarizer: '', length: 'medium', language: '', summary_language: '', transcript: '', limit: '' };
    rememberOptions({ ...defaults, summarizer: 'llm', length: 'short', summary_language: 'de', limit: '5', since: '2026-11-01' });
    expect(rememberedOptions(defaults)).toEqual({ ...defaults, summarizer: 'llm', length: 'short', summary_language: 'de' });
  });

  it('fall back to the defaults when nothing or nonsense was kept', () => {
    const items = fakeStorage();
    const defaults = { length: 'medium' };
    expect(rememberedOptions(defaults)).toEqual(defaults);
    items.set('sightline.options', 'not json');
    expect(rememberedOptions(defaults)).toEqual(defaults);
  });
});
