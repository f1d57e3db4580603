import {
  BARRIER_FREE_FEATURES,
  type BarrierFreeFeature,
  isRegionCode,
  SITE_STATUSES,
  type SiteStatus,
} from '@sitenet/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * The site list's filters live in the URL (bookmarkable, Back works). This module turns the
 * route query into filters, filters into a route query (defaults left out) and into the API's
 * query string (repeated keys for lists). Pure; no Vue.
 */

/**
 * The API's sort keys (`SITE_SORTS` in @sitenet/domain/schemas, repeated here so the portal does
 * not bundle zod for a list of eight words; a test compares the two).
 */
export const SITE_SORTS = ['-updatedAt', 'updatedAt', 'name', '-name', '-openedOn', 'openedOn', '-createdAt', 'createdAt'] as const;
export type SiteSort = (typeof SITE_SORTS)[number];

export const DEFAULT_SORT: SiteSort = '-updatedAt';
export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** The API's largest page; the map asks for this many. */
export const MAX_PAGE_SIZE = 500;
const MAX_PAGE = 10_000;
const MAX_QUERY_LENGTH = 50;
const KIND_CODE = /^[a-z][a-z0-9-]{0,39}$/;

export const LICENCE_FILTERS = ['expiring', 'expired'] as const;
export type LicenceFilter = (typeof LICENCE_FILTERS)[number];

export interface SiteFilters {
  kind: string[];
  /** Any level: the API includes everything below it. */
  region: string | null;
  status: SiteStatus[];
  barrierFree: BarrierFreeFeature[];
  /** Only sites whose licence has expired, or expires within 90 days (LICENCE_EXPIRING_DAYS); absent: any. */
  licence?: LicenceFilter;
  q: string;
  sort: SiteSort;
  page: number;
  pageSize: number;
}

export function defaultFilters(): SiteFilters {
  return { kind: [], region: null, status: [], barrierFree: [], q: '', sort: DEFAULT_SORT, page: 1, pageSize: DEFAULT_PAGE_SIZE };
}

function values(raw: LocationQuery[string] | undefined): string[] {
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string' && value !== '');
}

function first(raw: LocationQuery[string] | undefined): string | undefined {
  return values(raw)[0];
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function positiveInt(text: string | undefined, fallback: number, max: number): number {
  if (!text || !/^\d{1,6}$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 && value <= max ? value : fallback;
}

/** Filters from a route query; whatever is malformed is ignored (a hand-edited URL still shows a list). */
export function parseFilters(query: LocationQuery): SiteFilters {
  const region = first(query.region);
  const sort = first(query.sort);
  const pageSize = positiveInt(first(query.pageSize), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const licence = first(query.licence);
  return {
    ...(licence && (LICENCE_FILTERS as readonly string[]).includes(licence) ? { licence: licence as LicenceFilter } : {}),
    kind: unique(values(query.kind).filter((kind) => KIND_CODE.test(kind))),
    region: region && isRegionCode(region) ? region : null,
    status: unique(values(query.status).filter((status): status is SiteStatus => (SITE_STATUSES as readonly string[]).includes(status))),
    barrierFree: unique(
      values(query.barrierFree).filter((feature): feature is BarrierFreeFeature => (BARRIER_FREE_FEATURES as readonly string[]).includes(feature)),
    ),
    q: (first(query.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    sort: sort && (SITE_SORTS as readonly string[]).includes(sort) ? (sort as SiteSort) : DEFAULT_SORT,
    page: positiveInt(first(query.page), 1, MAX_PAGE),
    pageSize,
  };
}

/** A route query for the filters, leaving out defaults so URLs stay short. */
export function filtersToQuery(filters: SiteFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.kind.length) query.kind = filters.kind.length === 1 ? filters.kind[0]! : [...filters.kind];
  if (filters.region) query.region = filters.region;
  if (filters.status.length) query.status = filters.status.length === 1 ? filters.status[0]! : [...filters.status];
  if (filters.barrierFree.length) query.barrierFree = filters.barrierFree.length === 1 ? filters.barrierFree[0]! : [...filters.barrierFree];
  if (filters.licence) query.licence = filters.licence;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.sort !== DEFAULT_SORT) query.sort = filters.sort;
  if (filters.page !== 1) query.page = String(filters.page);
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) query.pageSize = String(filters.pageSize);
  return query;
}

/** The query string of `GET /api/sites` for the filters (lists as repeated keys). */
export function filtersToApiParams(filters: SiteFilters, overrides: Partial<Pick<SiteFilters, 'page' | 'pageSize'>> = {}): URLSearchParams {
  const params = filtersToListParams(filters);
  params.append('page', String(overrides.page ?? filters.page));
  params.append('pageSize', String(overrides.pageSize ?? filters.pageSize));
  return params;
}

/**
 * What narrows and orders the list, without paging: the list's query string before its page, and
 * the query of `GET /api/exports/sites` (an export holds every matching site, in the list's order).
 */
export function filtersToListParams(filters: SiteFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const kind of filters.kind) params.append('kind', kind);
  if (filters.region) params.append('region', filters.region);
  for (const status of filters.status) params.append('status', status);
  for (const feature of filters.barrierFree) params.append('barrierFree', feature);
  if (filters.licence) params.append('licence', filters.licence);
  if (filters.q.trim()) params.append('q', filters.q.trim());
  params.append('sort', filters.sort);
  return params;
}

/** The same filters with a change; any change but the page goes back to page 1. */
export function withFilters(filters: SiteFilters, change: Partial<SiteFilters>): SiteFilters {
  const next = { ...filters, ...change };
  if (change.page === undefined) next.page = 1;
  return next;
}

/** True when anything narrows the list (sort and paging do not). */
export function hasActiveFilters(filters: SiteFilters): boolean {
  return filters.kind.length > 0 || filters.region !== null || filters.status.length > 0 || filters.barrierFree.length > 0 || filters.licence !== undefined || filters.q !== '';
}

/** Page numbers to offer: the first, the last and two either side of the current, with gaps as null. */
export function pageWindow(current: number, last: number, radius = 2): Array<number | null> {
  const pages: Array<number | null> = [];
  for (let page = 1; page <= last; page++) {
    if (page === 1 || page === last || Math.abs(page - current) <= radius) pages.push(page);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
