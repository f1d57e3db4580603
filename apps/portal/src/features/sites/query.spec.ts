import { SITE_SORTS as API_SORTS } from '@sitenet/domain/schemas';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  defaultFilters,
  filtersToApiParams,
  filtersToQuery,
  hasActiveFilters,
  pageWindow,
  parseFilters,
  SITE_SORTS,
  withFilters,
} from './query';

describe('site list filters in the URL', () => {
  it('offers exactly the sort keys the API accepts', () => {
    expect([...SITE_SORTS].sort()).toEqual([...API_SORTS].sort());
  });

  it('reads every filter from the route query, lists from repeated keys', () => {
    const filters = parseFilters({
      kind: ['workshop', 'base'],
      region: '220102',
      status: 'approved',
      barrierFree: ['ramp', 'lift'],
      q: ' 阳光 ',
      sort: 'name',
      page: '3',
      pageSize: '50',
    });
    expect(filters).toEqual({
      kind: ['workshop', 'base'],
      region: '220102',
      status: ['approved'],
      barrierFree: ['ramp', 'lift'],
      q: '阳光',
      sort: 'name',
      page: 3,
      pageSize: 50,
    });
  });

  it('ignores what is malformed instead of failing the page', () => {
    const filters = parseFilters({ kind: 'Not A Kind', region: '2201', status: 'deleted', barrierFree: 'moat', sort: 'random', page: '-2', pageSize: '9999' });
    expect(filters).toEqual(defaultFilters());
  });

  it('writes a short query: defaults left out, single values unwrapped', () => {
    expect(filtersToQuery(defaultFilters())).toEqual({});
    const query = filtersToQuery({ ...defaultFilters(), kind: ['workshop'], region: '220100', page: 2, sort: 'name' });
    expect(query).toEqual({ kind: 'workshop', region: '220100', page: '2', sort: 'name' });
  });

  it('survives a round trip through the URL', () => {
    const filters = { ...defaultFilters(), kind: ['a', 'b'], status: ['draft' as const], q: '盲人', page: 4 };
    expect(parseFilters(filtersToQuery(filters) as Record<string, string | string[]>)).toEqual(filters);
  });

  it('builds the API query with repeated keys, sort and paging', () => {
    const params = filtersToApiParams({ ...defaultFilters(), kind: ['workshop', 'base'], region: '220000', barrierFree: ['ramp'], q: '家园', page: 2 });
    expect(params.getAll('kind')).toEqual(['workshop', 'base']);
    expect(params.get('region')).toBe('220000');
    expect(params.getAll('barrierFree')).toEqual(['ramp']);
    expect(params.get('q')).toBe('家园');
    expect(params.get('status')).toBeNull();
    expect(params.get('sort')).toBe(DEFAULT_SORT);
    expect(params.get('page')).toBe('2');
    expect(params.get('pageSize')).toBe(String(DEFAULT_PAGE_SIZE));
    expect(filtersToApiParams(defaultFilters(), { pageSize: 500 }).get('pageSize')).toBe('500');
  });

  it('goes back to page 1 when a filter changes, not when the page does', () => {
    const onPage3 = { ...defaultFilters(), page: 3 };
    expect(withFilters(onPage3, { kind: ['base'] }).page).toBe(1);
    expect(withFilters(onPage3, { page: 4 }).page).toBe(4);
    expect(hasActiveFilters(onPage3)).toBe(false);
    expect(hasActiveFilters({ ...onPage3, region: '220000' })).toBe(true);
  });

  it('offers the first, last and nearby pages with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('carries the licence filter from the URL to the API, and drops a value the API does not know', () => {
    const filters = parseFilters({ licence: 'expired' });
    expect(filters.licence).toBe('expired');
    expect(hasActiveFilters(filters)).toBe(true);
    expect(filtersToQuery(filters)).toEqual({ licence: 'expired' });
    expect(filtersToApiParams(filters).get('licence')).toBe('expired');
    expect(parseFilters({ licence: 'soon' }).licence).toBeUndefined();
    expect(filtersToApiParams(defaultFilters()).has('licence')).toBe(false);
  });
});
