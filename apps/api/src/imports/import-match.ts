import { SITE_STATUS_LABELS, diffFields, editModeFor, type ImportIssue, type Jurisdiction, type SiteStatus } from '@sitenet/domain';
import type { CheckedRow } from '@sitenet/domain';
import { Brackets, type EntityManager } from 'typeorm';
import { SiteEntity } from '../sites/site.entity.js';
import { editableFields } from '../sites/site.mapper.js';
import { storedCommonValues } from '../sites/site-writer.js';

/** What a checked row does against the sites already registered (design §7). */
export interface MatchedRow {
  row: number;
  action: 'create' | 'change-request' | 'update-draft' | 'unchanged' | 'error';
  /** The existing site it matches, and its version as seen now. */
  siteId: string | null;
  siteVersion: number | null;
  /** The row's issues and the match's (the whole list, to store as is). */
  issues: ImportIssue[];
}

/** A match with what the commit needs to build its write: the site and the editable fields it will have. */
export interface SiteMatch extends MatchedRow {
  site: SiteEntity | null;
  /** The editable fields the write starts from (a pending change's, else the published ones). */
  base: Record<string, unknown> | null;
  /** The editable fields after the row (base with the row's values). */
  proposed: Record<string, unknown> | null;
}

/** The key two records of one site share: credit code and name, NFKC-folded, without whitespace. */
export function matchKey(creditCode: string, name: string): string {
  const fold = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');
  return `${fold(creditCode).toUpperCase()}\u0000${fold(name)}`;
}

/**
 * Rows without errors are matched against the sites in the scope (网点编号 when given, else credit
 * code + name folded). A site outside the scope is never matched nor mentioned (the API's 404 rule):
 * a 网点编号 outside it reads as unknown.
 */
export async function matchExisting(manager: EntityManager, rows: CheckedRow[], context: { kind: string; scope: Jurisdiction }): Promise<MatchedRow[]> {
  return (await matchSites(manager, rows, context)).map(({ row, action, siteId, siteVersion, issues }) => ({ row, action, siteId, siteVersion, issues }));
}

/** matchExisting with the matched sites and the fields a write would give them (for the commit). */
export async function matchSites(manager: EntityManager, rows: CheckedRow[], context: { kind: string; scope: Jurisdiction }): Promise<SiteMatch[]> {
  // A Set, not an array: rows.map below asks "is it valid?" for each row (20,000 rows: O(n²) with includes).
  const valid = new Set(rows.filter((row) => row.body && !row.issues.some((issue) => issue.severity === 'error')));
  const codes = [...new Set([...valid].filter((row) => !row.siteId).map((row) => creditCodeOf(row)))];
  const ids = [...new Set([...valid].flatMap((row) => (row.siteId && UUID.test(row.siteId) ? [row.siteId.toLowerCase()] : [])))];
  const sites = codes.length || ids.length ? await loadSites(manager, codes, ids, context) : [];
  const byId = new Map(sites.map((site) => [site.id, site]));
  const byKey = new Map<string, SiteEntity[]>();
  for (const site of sites) {
    if (site.kind !== context.kind) continue;
    // A draft may have neither yet (issue 12): it matches no row by key, only by its id.
    const key = matchKey(site.operatorCreditCode ?? '', site.name ?? '');
    byKey.set(key, [...(byKey.get(key) ?? []), site]);
  }
  const claimed = new Map<string, number>();
  return rows.map((row) => {
    if (!valid.has(row)) return { row: row.row, action: 'error', siteId: null, siteVersion: null, issues: row.issues, site: null, base: null, proposed: null };
    let site: SiteEntity | undefined;
    if (row.siteId) {
      site = byId.get(row.siteId.toLowerCase());
      if (!site) return refused(row, null, issue(row, 'id', 'import.site_unknown', `没有编号为 ${row.siteId} 的网点，或它不在您的辖区内`, `There is no site with id ${row.siteId} in your jurisdiction`, row.siteId));
      if (site.kind !== context.kind) return refused(row, site, issue(row, 'id', 'import.site_other_kind', `网点 ${row.siteId} 属于另一网点类型，不能在此导入`, `Site ${row.siteId} is of another kind; import it with that kind's template`, row.siteId));
    } else {
      const found = byKey.get(matchKey(creditCodeOf(row), nameOf(row))) ?? [];
      if (found.length > 1) {
        return refused(row, null, issue(row, null, 'import.site_ambiguous', `与 ${found.length} 个已登记网点的信用代码和名称相同：请填写网点编号`, `Same credit code and name as ${found.length} registered sites: give the site id (网点编号)`, nameOf(row)));
      }
      site = found[0];
      if (!site) return { row: row.row, action: 'create', siteId: null, siteVersion: null, issues: row.issues, site: null, base: null, proposed: null };
    }
    const earlier = claimed.get(site.id);
    if (earlier !== undefined) {
      return refused(row, site, issue(row, row.siteId ? 'id' : null, 'duplicate.same_site', `与第 ${earlier} 行是同一个网点`, `The same site as row ${earlier}`, row.siteId ?? nameOf(row)));
    }
    claimed.set(site.id, row.row);
    const status = site.status as SiteStatus;
    const mode = editModeFor(status);
    if (mode === 'locked') {
      const label = SITE_STATUS_LABELS[status];
      return refused(row, site, issue(row, null, 'import.site_locked', `已登记的同一网点当前状态为“${label['zh-CN']}”，不能修改`, `The site is already registered and ${label.en.toLowerCase()}: it cannot be changed now`, nameOf(row)));
    }
    if (site.pendingChange?.status === 'submitted') {
      return refused(row, site, issue(row, null, 'import.site_pending_change', '已登记的同一网点有待审核的变更申请：审核后再导入', 'The site is already registered with a change request waiting for review: import after it is decided', nameOf(row)));
    }
    const base = site.pendingChange?.fields ?? editableFields(site);
    const proposed = proposedFields(base, site, row);
    const action = diffFields(base, proposed).length === 0 ? 'unchanged' : mode === 'direct' ? 'update-draft' : 'change-request';
    return { row: row.row, action, siteId: site.id, siteVersion: site.version, issues: row.issues, site, base, proposed };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The editable fields after the row: base, with the row's common values (as stored) and attributes. */
function proposedFields(base: Record<string, unknown>, site: SiteEntity, row: CheckedRow): Record<string, unknown> {
  const body = row.body!;
  const stored = storedCommonValues(body);
  const proposed: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(stored)) if (key in base) proposed[key] = value;
  if (row.centroidLocation && 'locationSource' in base) proposed.locationSource = 'centroid';
  // A site placed at its unit's centroid, exported and imported again, keeps saying so.
  if (site.locationSource === 'centroid' && JSON.stringify(proposed.location) === JSON.stringify(base.location)) proposed.locationSource = base.locationSource;
  proposed.attributes = body.attributes ?? {};
  return proposed;
}

async function loadSites(manager: EntityManager, codes: string[], ids: string[], context: { kind: string; scope: Jurisdiction }): Promise<SiteEntity[]> {
  const query = manager.getRepository(SiteEntity).createQueryBuilder('site');
  if (context.scope.kind === 'unit') query.andWhere(`site.${context.scope.column} = :scope`, { scope: context.scope.code });
  query.andWhere(
    new Brackets((or) => {
      if (codes.length) or.orWhere('(site.operatorCreditCode = ANY(:codes) AND site.kind = :kind)', { codes, kind: context.kind });
      if (ids.length) or.orWhere('site.id = ANY(:ids)', { ids });
    }),
  );
  return query.getMany();
}

function creditCodeOf(row: CheckedRow): string {
  const operator = row.body!.operator as { creditCode?: string } | undefined;
  return (operator?.creditCode ?? '').normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

function nameOf(row: CheckedRow): string {
  return typeof row.body!.name === 'string' ? row.body!.name : '';
}

function refused(row: CheckedRow, site: SiteEntity | null, added: ImportIssue): SiteMatch {
  return { row: row.row, action: 'error', siteId: site?.id ?? null, siteVersion: site?.version ?? null, issues: [...row.issues, added], site: null, base: null, proposed: null };
}

function issue(row: CheckedRow, column: string | null, code: string, zh: string, en: string, value: string | null): ImportIssue {
  return { row: row.row, cell: null, column, code, messages: { 'zh-CN': zh, en }, value: value === null ? null : value.slice(0, 50), severity: 'error' };
}
