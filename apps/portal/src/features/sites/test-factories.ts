import {
  type ApiErrorBody,
  creditCodeCheckCharacter,
  type FieldChange,
  type FieldIssue,
  type PendingChangeSummary,
  type Site,
  type SiteHistoryEntry,
  type SiteListResponse,
  type StaleVersionDetails,
} from '@sitenet/domain';
import { workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { apiError, jsonResponse } from '#/test/http';

/** Builders for site test data: override what a test is about, nothing else. */

let sequence = 0;

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A credit code with a correct check character (GB 32100-2015). */
export function creditCode(body = '91220102MA0Y4E8X1'): string {
  return body + creditCodeCheckCharacter(body);
}

export function site(overrides: Partial<Site> = {}): Site {
  sequence += 1;
  return {
    id: uuid(sequence),
    kind: 'workshop',
    name: `阳光家园${sequence}号`,
    regionCode: '220102',
    countyCode: '220102',
    address: `人民大街${sequence}号`,
    location: { lat: 43.88, lng: 125.32 },
    locationSource: 'wgs84',
    operator: { name: '长春市南关区残联', creditCode: creditCode() },
    contact: { person: '王芳', phone: '0431-88881234' },
    openedOn: '2021-05-18',
    barrierFree: ['ramp'],
    attributes: { host: 'community', participants: 18, categories: ['intellectual'], projects: ['手工编织'], rentFree: true },
    status: 'draft',
    version: 1,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-02T09:30:00.000Z',
    createdBy: null,
    updatedBy: null,
    submittedBy: null,
    approvedAt: null,
    pendingChange: null,
    ...overrides,
  };
}

export function siteList(items: Site[], overrides: Partial<SiteListResponse> = {}): SiteListResponse {
  const countsByKind: Record<string, number> = {};
  for (const item of items) countsByKind[item.kind] = (countsByKind[item.kind] ?? 0) + 1;
  return { items, total: items.length, page: 1, pageSize: 20, countsByKind, ...overrides };
}

export function fieldIssue(path: string, zh: string, en: string): FieldIssue {
  return { path, code: 'custom', message: zh, messages: { 'zh-CN': zh, en } };
}

export function validationError(issues: FieldIssue[]): ApiErrorBody {
  return apiError(400, 'validation.failed', '请求有误', 'The request is invalid', { issues, requestId: 'req-form-1' });
}

export function versionConflict(current: Site): ApiErrorBody & { current: Site } {
  return apiError(409, 'site.version_conflict', '网点已被他人修改', 'Someone else changed the site', { current, requestId: 'req-conflict-1' });
}

/** A change request waiting on a published site. */
export function pendingChange(changes: FieldChange[], overrides: Partial<PendingChangeSummary> = {}): PendingChangeSummary {
  return {
    status: 'submitted',
    changes,
    proposedBy: '00000000-0000-4000-9000-000000000999',
    proposedByName: '南关区工作人员',
    proposedAt: '2025-04-01T02:00:00.000Z',
    reason: null,
    ...overrides,
  };
}

let historySequence = 0;

export function historyEntry(overrides: Partial<SiteHistoryEntry> = {}): SiteHistoryEntry {
  historySequence += 1;
  return {
    id: `00000000-0000-4000-a000-${String(historySequence).padStart(12, '0')}`,
    at: '2025-03-01T08:00:00.000Z',
    actorId: null,
    actorName: '南关区工作人员',
    action: 'create',
    fromStatus: null,
    toStatus: 'draft',
    reason: null,
    changes: [],
    source: null,
    ...overrides,
  };
}

/** A 409 for an action the site's status does not allow. */
export function illegalTransition(status: Site['status']): ApiErrorBody & { status: string } {
  return {
    ...apiError(409, 'review.illegal_transition', `网点当前状态为“${status}”，不能执行此操作。`, `The site is ${status}; not allowed.`, { status, requestId: 'req-review-1' }),
    message: '网点当前状态不能执行此操作。',
  };
}

/** A 409 `review.stale_version`: the site changed after it was shown, nothing was done. */
export function staleVersion(seenVersion: number, current: Site, changes: FieldChange[]): ApiErrorBody & StaleVersionDetails {
  return apiError(
    409,
    'review.stale_version',
    `网点在您查看之后已被修改（您看到的是第 ${seenVersion} 版，现为第 ${current.version} 版）。`,
    `The site changed after you opened it (you saw version ${seenVersion}, it is now version ${current.version}).`,
    { seenVersion, current, changes, changesKnown: true, requestId: 'req-stale-1' },
  );
}

/** A fake API serving one site, the workshop kind and Jilin's regions (for the detail and edit pages). */
export function serveOneSite(shown: Site) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', `/sites/${shown.id}`, () => jsonResponse(shown));
  return api;
}

/** The whole portal at a path, settled. */
export { mountSettled } from '#/test/app';
