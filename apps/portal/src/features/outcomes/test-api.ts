import type { OutcomeReport, OutcomeReportHistory, ReportStatus } from '@sitenet/domain';
import type { FakeApi, RecordedRequest } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { historyEntry, newEmployment, report as reportOf, training } from './test-factories';

type Body = { version?: number; reason?: string; values?: OutcomeReport['values'] };

/**
 * A small stateful fake of the outcome report endpoints over the fake API: one report per
 * region/period, moved through the workflow as the API would (version checks answer 409 with
 * `current`), its history appended. Tests read `reports` to see what the portal left there.
 */
export function serveOutcomes(api: FakeApi, { indicators = [newEmployment(), training()], reports = [] as OutcomeReport[] } = {}) {
  const stored = new Map(reports.map((item) => [`${item.regionCode}/${item.period}`, item]));
  const histories = new Map<string, OutcomeReportHistory['items']>();
  const keyOf = (match: RegExpMatchArray) => `${match[1]}/${match[2]}`;
  const current = (match: RegExpMatchArray) => stored.get(keyOf(match)) ?? reportOf({ regionCode: match[1]!, period: match[2]! });

  api.on('GET', '/outcome-indicators', () => jsonResponse({ items: indicators }));
  api.on('GET', /^\/outcome-reports\/(\d{6})\/([\dQ-]+)$/, (_request, match) => jsonResponse(current(match)));
  api.on('GET', /^\/outcome-reports\/(\d{6})\/([\dQ-]+)\/history$/, (_request, match) => jsonResponse({ items: histories.get(keyOf(match)) ?? [] }));

  function write(match: RegExpMatchArray, request: RecordedRequest, action: OutcomeReportHistory['items'][number]['action'], change: (before: OutcomeReport, body: Body) => Partial<OutcomeReport>) {
    const before = current(match);
    const body = request.body as Body;
    if ((body.version ?? 0) !== before.version) {
      return jsonResponse({ statusCode: 409, code: 'report.version_conflict', message: '已被修改', messages: { 'zh-CN': '已被修改', en: 'Changed' }, current: before }, 409);
    }
    const after: OutcomeReport = { ...before, ...change(before, body), version: before.version + 1, updatedAt: '2025-10-09T02:00:00.000Z' };
    stored.set(keyOf(match), after);
    const from: ReportStatus = before.status;
    histories.set(keyOf(match), [...(histories.get(keyOf(match)) ?? []), historyEntry({ action, fromStatus: from, toStatus: after.status, reason: body.reason ?? null, changes: [] })]);
    return jsonResponse(after);
  }

  const on = (suffix: string, action: Parameters<typeof write>[2], change: Parameters<typeof write>[3]) =>
    api.on('POST', new RegExp(`^/outcome-reports/(\\d{6})/([\\dQ-]+)/${suffix}$`), (request, match) => write(match, request, action, change));

  api.on('PUT', /^\/outcome-reports\/(\d{6})\/([\dQ-]+)$/, (request, match) =>
    write(match, request, 'save', (before, body) => ({ values: body.values ?? {}, status: before.status === 'returned' ? 'returned' : 'draft' })),
  );
  on('submit', 'submit', () => ({ status: 'submitted', submittedAt: '2025-10-09T02:00:00.000Z', returnReason: null }));
  on('approve', 'approve', () => ({ status: 'approved', approvedAt: '2025-10-10T02:00:00.000Z' }));
  on('return', 'return', (_before, body) => ({ status: 'returned', returnReason: body.reason ?? null }));
  on('change-request', 'change-request', (_before, body) => ({
    changeRequest: { values: body.values ?? {}, reason: body.reason ?? '', status: 'pending', requestedAt: '2025-11-01T02:00:00.000Z', returnReason: null },
  }));
  on('change-request/approve', 'approve-change', (before) => ({ values: before.changeRequest?.values ?? before.values, changeRequest: null }));
  on('change-request/return', 'return-change', (before, body) => ({ changeRequest: before.changeRequest ? { ...before.changeRequest, status: 'returned', returnReason: body.reason ?? null } : null }));

  return { reports: stored, indicators };
}
