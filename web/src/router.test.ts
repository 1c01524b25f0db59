import { describe, expect, it } from 'vitest';
import { parse, withParams } from './router';

describe('routes', () => {
  it('open a collection of the library and the follows, and anything else is home', () => {
    expect(parse('#/collections/c1')).toEqual({ page: 'collection', id: 'c1' });
    expect(parse('#/follows')).toEqual({ page: 'follows' });
    expect(parse('#/activity')).toEqual({ page: 'activity' });
    expect(parse('#/account')).toEqual({ page: 'account' });
    expect(parse('#/summaries/s1')).toEqual({ page: 'summary', id: 's1' });
    expect(parse('#/collections')).toEqual({ page: 'home' });
    expect(parse('#/?url=https%3A%2F%2Fexample.org')).toEqual({ page: 'home' });
  });

  it("keep the library's search and page in the address", () => {
    const route = parse('#/library?q=good%20parts&page=2&type=youtube');
    expect(route.page).toBe('library');
    if (route.page !== 'library') return;
    expect(route.params.get('q')).toBe('good parts');
    expect(route.params.get('page')).toBe('2');
    expect(withParams('/library', { q: 'good parts', page: 0, type: '', sort: null })).toBe('/library?q=good+parts');
    expect(withParams('/library', { page: 3 })).toBe('/library?page=3');
  });
});
