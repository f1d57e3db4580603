import type { ImportIssue, ImportJob, ImportRow, ImportRowPage } from '@sitenet/domain';

/** Builders for import jobs and rows as the API sends them (GET /api/imports/…): override what a test is about. */

let sequence = 0;

export function jobId(n: number): string {
  return `10000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

export function importJob(overrides: Partial<ImportJob> = {}): ImportJob {
  sequence += 1;
  return {
    id: jobId(sequence),
    kind: 'workshop',
    fileName: '南关区网点名单.xlsx',
    format: 'xlsx',
    encoding: null,
    sizeBytes: 48_213,
    status: 'checked',
    progress: { phase: 'checking', done: 9, total: 9 },
    counts: { rows: 9, errors: 0, warnings: 0, create: 9, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 },
    columns: {
      sheet: '辅助性就业机构',
      headerRow: 1,
      matched: [
        { header: '*网点名称', cell: 'A1', column: 'name' },
        { header: '统一社会信用代码', cell: 'D1', column: 'operator.creditCode' },
        { header: '联系电话', cell: 'F1', column: 'contact.phone' },
      ],
      unknown: [{ header: '备注', cell: 'M1' }],
      ignored: [],
    },
    fileIssues: [],
    failure: null,
    interrupted: false,
    options: null,
    createdAt: '2026-12-02T06:00:00.000Z',
    checkedAt: '2026-12-02T06:00:05.000Z',
    committedAt: null,
    expiresAt: '2027-01-01T06:00:00.000Z',
    ...overrides,
  };
}

export function issue(overrides: Partial<ImportIssue> = {}): ImportIssue {
  return {
    row: 1,
    cell: 'F2',
    column: 'contact.phone',
    code: 'phone.invalid',
    messages: { 'zh-CN': '联系电话格式不正确', en: 'The phone number is not valid' },
    value: '0431-12',
    severity: 'error',
    ...overrides,
  };
}

export function importRow(row: number, overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    row,
    sheetRow: row + 1,
    action: 'create',
    siteId: null,
    issues: [],
    summary: { name: `网点${row}`, creditCode: null, region: '吉林省长春市南关区' },
    ...overrides,
  };
}

export function rowPage(items: ImportRow[], overrides: Partial<ImportRowPage> = {}): ImportRowPage {
  return { items, total: items.length, page: 1, pageSize: 50, ...overrides };
}
