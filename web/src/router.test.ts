import { describe, expect, it } from 'vitest';
import { parse } from './router';

describe('routes', () => {
  it('open a collection of the library and the follows, and anything else is home', () => {
    expect(parse('#/collections/c1')).toEqual({ page: 'collection', id: 'c1' });
    expect(parse('#/follows')).toEqual({ page: 'follows' });
    expect(parse('#/summaries/s1')).toEqual({ page: 'summary', id: 's1' });
    expect(parse('#/collections')).toEqual({ page: 'home' });
    expect(parse('#/?url=https%3A%2F%2Fexample.org')).toEqual({ page: 'home' });
  });
});
