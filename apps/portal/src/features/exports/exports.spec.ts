import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { fileNameOf } from '#/api/client';
import { prefectureReviewer } from '#/features/auth/test-factories';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { site, siteList } from '#/features/sites/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { apiError, fileResponse, jsonResponse, pendingForever } from '#/test/http';
import { pageAnnouncer } from '#/ui/live-message';
import CoverageReportButton from './CoverageReportButton.vue';
import { REVOKE_DELAY_MS } from './save-file';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the temporary `<a download>` was clicked with, and the object URLs made and revoked. */
let saved: Array<{ href: string; download: string; attached: boolean }>;
let made: Blob[];
let revoked: string[];

beforeEach(() => {
  saved = [];
  made = [];
  revoked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    made.push(blob as Blob);
    return `blob:portal.test/${made.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.getAttribute('href') ?? '', download: this.download, attached: document.body.contains(this) });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function serve() {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', () => jsonResponse(siteList([site()])));
  api.on('GET', '/exports/sites', ({ url }) =>
    url.searchParams.get('format') === 'csv'
      ? fileResponse('名称\r\n', { type: 'text/csv', fileName: '网点名单-长春市-2026-12-02.csv' })
      : fileResponse('xlsx bytes', { type: XLSX, fileName: '网点名单-长春市-2026-12-02.xlsx' }),
  );
  return api;
}

/** Each key of the URL's query with all its values (no page, no pageSize for an export). */
function queryOf(url: URL): Record<string, string[]> {
  return Object.fromEntries([...new Set(url.searchParams.keys())].map((key) => [key, url.searchParams.getAll(key)]));
}

async function mountList(path: string) {
  const mounted = await mountWithApp(App, { path, as: prefectureReviewer() });
  await flushPromises();
  return mounted;
}

describe('the site list export', () => {
  it('downloads every site the current filters match, in the chosen file, and saves it under the name the API gives', async () => {
    const api = serve();
    const { wrapper } = await mountList('/sites?kind=workshop&kind=base&region=220100&status=approved&barrierFree=ramp&q=家园&sort=name&page=2&pageSize=50');

    const select = wrapper.get<HTMLSelectElement>('[data-testid="site-export-format"]');
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Excel（xlsx）', 'CSV（UTF-8）', 'CSV（GB18030，旧版 Excel）']);
    expect(wrapper.get(`label[for="${select.attributes('id')}"]`).text()).toBe('导出格式');
    await select.setValue('csv-gb18030');
    await wrapper.get('[data-testid="site-export-submit"]').trigger('submit');
    await flushPromises();

    const [sent, ...more] = api.sent('GET', '/exports/sites');
    expect(more).toEqual([]);
    expect(queryOf(sent!.url)).toEqual({
      kind: ['workshop', 'base'],
      region: ['220100'],
      status: ['approved'],
      barrierFree: ['ramp'],
      q: ['家园'],
      sort: ['name'],
      format: ['csv'],
      encoding: ['gb18030'],
      lang: ['zh-CN'],
    });

    expect(saved).toEqual([{ href: 'blob:portal.test/1', download: '网点名单-长春市-2026-12-02.csv', attached: true }]);
    expect(await made[0]!.text()).toBe('名称\r\n');
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('已导出：网点名单-长春市-2026-12-02.csv'));
    await vi.waitFor(() => expect(revoked).toEqual(['blob:portal.test/1']), { timeout: REVOKE_DELAY_MS + 1_000 });
  });

  it('sends xlsx without an encoding by default, and names the file itself when the answer does not', async () => {
    const api = serve();
    api.on('GET', '/exports/sites', () => new Response('xlsx bytes', { headers: { 'Content-Type': XLSX, 'Content-Disposition': 'attachment' } }));
    const { wrapper } = await mountList('/sites');

    await wrapper.get('[data-testid="site-export-submit"]').trigger('submit');
    await flushPromises();

    const query = api.sent('GET', '/exports/sites')[0]!.url.searchParams;
    expect(query.get('format')).toBe('xlsx');
    expect(query.has('encoding')).toBe(false);
    expect(saved.map((file) => file.download)).toEqual(['网点名单.xlsx']);
  });

  it('says it is exporting on the button (which keeps the focus) and ignores a second press meanwhile', async () => {
    const api = serve();
    api.on('GET', '/exports/sites', () => pendingForever());
    const { wrapper } = await mountList('/sites');

    const button = wrapper.get<HTMLButtonElement>('[data-testid="site-export-submit"]');
    button.element.focus();
    await wrapper.get('[data-testid="site-export"] form').trigger('submit');
    await flushPromises();

    expect(button.text()).toBe('正在导出…');
    expect(button.attributes('aria-disabled')).toBe('true');
    expect(button.attributes('disabled')).toBeUndefined();
    expect(document.activeElement).toBe(button.element);
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('正在导出…'));

    await wrapper.get('[data-testid="site-export"] form').trigger('submit');
    await flushPromises();
    expect(api.sent('GET', '/exports/sites')).toHaveLength(1);
    expect(saved).toEqual([]);
  });

  it("shows the API's error as an alert, saves nothing, and tries again from the alert", async () => {
    const api = serve();
    api.on('GET', '/exports/sites', () =>
      jsonResponse(apiError(413, 'export.too_many_sites', '一次最多导出 200000 个网点，请缩小筛选范围', 'At most 200000 sites per export: narrow the filters'), 413),
    );
    const { wrapper } = await mountList('/sites?region=220100');

    await wrapper.get('[data-testid="site-export"] form').trigger('submit');
    await flushPromises();

    const alert = wrapper.get('[data-testid="site-export"] [role="alert"]');
    expect(alert.text()).toContain('一次最多导出 200000 个网点，请缩小筛选范围');
    expect(saved).toEqual([]);
    expect(wrapper.get('[data-testid="site-export-submit"]').text()).toBe('导出');

    api.on('GET', '/exports/sites', () => fileResponse('x', { type: XLSX, fileName: 'a.xlsx' }));
    await alert.get('button').trigger('click');
    await flushPromises();

    expect(api.sent('GET', '/exports/sites')).toHaveLength(2);
    expect(wrapper.find('[data-testid="site-export"] [role="alert"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="site-export-submit"]').element);
    expect(saved.map((file) => file.download)).toEqual(['a.xlsx']);
  });
});

describe('the coverage report download', () => {
  it('downloads the report of the region it is given, in the UI language', async () => {
    const api = fakeApi();
    api.on('GET', '/exports/coverage', () => fileResponse('xlsx bytes', { type: XLSX, fileName: '覆盖报告-长春市-2026-12-02.xlsx' }));
    const { wrapper } = await mountWithApp(CoverageReportButton, { props: { region: '220100' } });

    const button = wrapper.get('[data-testid="coverage-report"]');
    expect(button.text()).toBe('下载覆盖报告（Excel）');
    await button.trigger('click');
    await flushPromises();

    const query = api.sent('GET', '/exports/coverage')[0]!.url.searchParams;
    expect(Object.fromEntries(query)).toEqual({ region: '220100', lang: 'zh-CN' });
    expect(saved.map((file) => file.download)).toEqual(['覆盖报告-长春市-2026-12-02.xlsx']);
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('已下载覆盖报告：覆盖报告-长春市-2026-12-02.xlsx'));
  });

  it('asks for the day the dashboard shows when it is a past one', async () => {
    const api = fakeApi();
    api.on('GET', '/exports/coverage', () => fileResponse('xlsx bytes', { type: XLSX, fileName: '覆盖情况报告-长春市-2026-09-30.xlsx' }));
    const { wrapper } = await mountWithApp(CoverageReportButton, { props: { region: '220100', asOf: '2026-09-30' } });
    await wrapper.get('[data-testid="coverage-report"]').trigger('click');
    await flushPromises();
    expect(Object.fromEntries(api.sent('GET', '/exports/coverage')[0]!.url.searchParams)).toEqual({ region: '220100', lang: 'zh-CN', asOf: '2026-09-30' });
  });

  it('is busy while the report comes, and shows a refusal as the API says it', async () => {
    const api = fakeApi();
    api.on('GET', '/exports/coverage', () => pendingForever());
    const { wrapper } = await mountWithApp(CoverageReportButton, { props: { region: '220100' } });

    await wrapper.get('[data-testid="coverage-report"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="coverage-report"]').text()).toBe('正在生成覆盖报告…');
    expect(wrapper.get('[data-testid="coverage-report"]').attributes('aria-disabled')).toBe('true');
    wrapper.unmount();

    const refused = fakeApi();
    refused.on('GET', '/exports/coverage', () => jsonResponse(apiError(403, 'region.not_in_jurisdiction', '该地区不在您的管辖范围内', 'Not in your jurisdiction'), 403));
    const again = await mountWithApp(CoverageReportButton, { props: { region: '220200' } });
    await again.wrapper.get('[data-testid="coverage-report"]').trigger('click');
    await flushPromises();
    expect(again.wrapper.get('[role="alert"]').text()).toContain('该地区不在您的管辖范围内');
    expect(saved).toEqual([]);
  });
});

describe('the file name of a Content-Disposition', () => {
  it.each([
    [`attachment; filename="export.xlsx"; filename*=UTF-8''%E7%BD%91%E7%82%B9%E5%90%8D%E5%8D%95.xlsx`, '网点名单.xlsx'],
    [`attachment; filename*=utf-8''a%20b.csv`, 'a b.csv'],
    ['attachment; filename="plain \\"name\\".csv"', 'plain "name".csv'],
    ['attachment; filename=bare.csv', 'bare.csv'],
    [`attachment; filename*=UTF-8''%E7%ZZ; filename="fallback.xlsx"`, 'fallback.xlsx'],
    ['attachment', null],
    [null, null],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
