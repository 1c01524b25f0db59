import { describe, expect, it } from 'vitest';
import { playerAddress, snippetParts, withScheme, youtubeId } from './api';

describe('addresses', () => {
  it('find the video of every shape of YouTube address, and nothing elsewhere', () => {
    expect(youtubeId('https://www.youtube.com/watch?v=_ahvzDzKdB0&t=5s')).toBe('_ahvzDzKdB0');
    expect(youtubeId('https://youtu.be/_ahvzDzKdB0')).toBe('_ahvzDzKdB0');
    expect(youtubeId('https://m.youtube.com/shorts/_ahvzDzKdB0')).toBe('_ahvzDzKdB0');
    expect(youtubeId('https://example.org/watch?v=_ahvzDzKdB0')).toBeNull();
    expect(youtubeId(null)).toBeNull();
  });

  it('point the privacy-enhanced player at a moment', () => {
    expect(playerAddress('_ahvzDzKdB0', 95.7, true)).toBe(
      'https://www.youtube-nocookie.com/embed/_ahvzDzKdB0?rel=0&start=95&autoplay=1',
    );
    expect(playerAddress('_ahvzDzKdB0', null, false)).toBe('https://www.youtube-nocookie.com/embed/_ahvzDzKdB0?rel=0');
  });

  it('give an address typed without its scheme https://', () => {
    expect(withScheme('www.youtube.com/watch?v=_ahvzDzKdB0')).toBe('https://www.youtube.com/watch?v=_ahvzDzKdB0');
    expect(withScheme(' http://example.org/a ')).toBe('http://example.org/a');
    expect(withScheme('not an address')).toBe('not an address');
  });

  it("split a snippet into its marked and plain pieces", () => {
    const parts = snippetParts({
      text: 'JavaScript has good parts',
      field: 'tldr',
      start_seconds: null,
      highlights: [
        { start: 15, end: 19 },
        { start: 20, end: 25 },
      ],
    });
    expect(parts).toEqual([
      { text: 'JavaScript has ', marked: false },
      { text: 'good', marked: true },
      { text: ' ', marked: false },
      { text: 'parts', marked: true },
    ]);
  });
});
