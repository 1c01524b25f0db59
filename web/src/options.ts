import type { Options } from './api';

// The form's options as this browser last sent them, so the next summary starts from them.
const KEY = 'sightline.options';

/** What is remembered: how to summarize, not what (a list's limit, date and follow are per request). */
const REMEMBERED = ['summarizer', 'length', 'language', 'summary_language', 'transcript'] as const;

export function rememberOptions(options: Options) {
  const kept: Record<string, string> = {};
  for (const key of REMEMBERED) {
    const value = options[key];
    if (typeof value === 'string') kept[key] = value;
  }
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // storage full or refused: the form just starts from its defaults next time
  }
}

/** The defaults, with what this browser remembered over them. */
export function rememberedOptions(defaults: Options): Options {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (!saved || typeof saved !== 'object') return defaults;
    const merged: Options = { ...defaults };
    for (const key of REMEMBERED) {
      if (typeof saved[key] === 'string') merged[key] = saved[key];
    }
    return merged;
  } catch {
    return defaults;
  }
}
