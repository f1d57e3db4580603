import type { AccountSummary } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { administrator, districtStaff, prefectureReviewer, provinceOfficial } from '#/features/auth/test-factories';
import { fieldIssue, validationError } from '#/features/sites/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import type { ServicePoint, ServicePointBody } from './api';
import { jilinWorld } from './region-world';
import { checkServicePoint } from './service-points';
import { regionSummary, servicePoint } from './test-factories';

/** 南关区 with two townships; the fake API keeps service points and stores GCJ-02 shifted, as the real one converts. */
function serve(stored: ServicePoint[] = []) {
  const world = jilinWorld();
  const ziqiang = regionSummary({ code: '220102002000', name: '自强街道', level: 4, type: 'subdistrict', parentCode: '220102', childCount: 0 });
  const api = fakeApi();
  serveRegions(api, [...world.all, ziqiang]);
  const points = new Map(stored.map((point) => [point.code, point]));
  api.on('GET', '/service-points', ({ url }) =>
    jsonResponse({ items: [...points.values()].filter((point) => point.code.startsWith(url.searchParams.get('region')!)) }),
  );
  api.on('PUT', /^\/service-points\/(\d{12})$/, ({ body }, match) => {
    const { lat, lng, system } = body as ServicePointBody;
    const code = match[1]!;
    const name = code === ziqiang.code ? ziqiang.name : world.taoyuan.name;
    const location = system === 'gcj02' ? { lat: lat - 0.00123, lng: lng - 0.00456 } : { lat, lng };
    const saved = servicePoint({ code, name, location, updatedAt: '2026-11-25T03:00:00.000Z' });
    points.set(code, saved);
    return jsonResponse(saved);
  });
  return { api, world, ziqiang };
}

async function mountAt(path: string, as: AccountSummary | null) {
  const mounted = await mountWithApp(App, { path, as });
  await flushPromises();
  await flushPromises();
  return mounted;
}

const section = () => document.querySelector<HTMLElement>('[data-testid="service-points"]');
const row = (code: string) => document.querySelector<HTMLElement>(`[data-testid="service-point-row"][data-code="${code}"]`)!;
const dialog = () => document.querySelector<HTMLElement>('[data-testid="service-point-dialog"]');

function type(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
}

async function openDialog(code: string): Promise<HTMLElement> {
  row(code).querySelector<HTMLButtonElement>('[data-testid="service-point-edit"]')!.click();
  await flushPromises();
  const opened = dialog();
  if (!opened) throw new Error('the dialog did not open');
  return opened;
}

async function save(opened: HTMLElement): Promise<void> {
  opened.querySelector<HTMLButtonElement>('[data-testid="service-point-save"]')!.click();
  await flushPromises();
  await flushPromises();
}

describe('township service-centre locations on a county page', () => {
  it('is not shown to signed-out visitors, who still see the county and its townships', async () => {
    const { api } = serve([servicePoint()]);

    const { wrapper } = await mountAt('/regions/220102', null);

    expect(wrapper.get('h1').text()).toBe('南关区');
    expect(wrapper.find('[data-testid="region-item"][data-code="220102001000"]').exists()).toBe(true);
    expect(section()).toBeNull();
    expect(api.sent('GET', '/service-points')).toHaveLength(0);
  });

  it.each([
    ['district staff of another county', districtStaff({ regionCode: '220103' })],
    ['a reviewer of another prefecture', prefectureReviewer({ regionCode: '220200' })],
    ['an administrator', administrator()],
  ])('is not shown to %s', async (_who, account) => {
    const { api } = serve();

    const { wrapper } = await mountAt('/regions/220102', account);

    expect(wrapper.get('h1').text()).toBe('南关区');
    expect(section()).toBeNull();
    expect(api.sent('GET', '/service-points')).toHaveLength(0);
  });

  it('is not shown on a prefecture page, even to its reviewer', async () => {
    serve();
    await mountAt('/regions/220100', prefectureReviewer());
    expect(section()).toBeNull();
  });

  it.each([
    ['the county’s own staff', districtStaff()],
    ['a reviewer of its prefecture', prefectureReviewer()],
    ['an official of its province', provinceOfficial()],
  ])('lists the townships with their stored location or 未填写 for %s', async (_who, account) => {
    const { ziqiang } = serve([servicePoint({ location: { lat: 43.86821, lng: 125.33052 } })]);

    await mountAt('/regions/220102', account);

    const shown = section()!;
    expect(shown.querySelector('h2')!.textContent).toBe('乡镇（街道）服务中心位置');
    expect(shown.textContent).toContain('15 分钟就业服务圈');
    expect(shown.textContent).toContain('区县中心点估算');
    expect(shown.querySelector('caption')!.textContent.trim()).toBe('南关区的乡镇（街道）服务中心位置：已填写 1 个，共 2 个');
    const cells = (code: string) => [...row(code).querySelectorAll('th, td')].map((cell) => cell.textContent.trim());
    expect(cells('220102001000').slice(0, 3)).toEqual(['桃源街道', '220102001000', '43.86821，125.33052']);
    expect(cells(ziqiang.code).slice(0, 3)).toEqual(['自强街道', ziqiang.code, '未填写']);
    const edit = row(ziqiang.code).querySelector<HTMLButtonElement>('[data-testid="service-point-edit"]')!;
    expect(edit.getAttribute('data-code')).toBe(ziqiang.code);
    expect(edit.textContent.trim()).toBe('编辑自强街道的服务中心位置');
  });

  it('saves latitude, longitude and coordinate system, announces it and shows the stored location', async () => {
    const { api, ziqiang } = serve();
    const { wrapper } = await mountAt('/regions/220102', districtStaff());

    const opened = await openDialog(ziqiang.code);
    expect(document.getElementById(opened.getAttribute('aria-labelledby')!)!.textContent).toBe('自强街道服务中心位置');
    const system = opened.querySelector<HTMLSelectElement>('[data-testid="service-point-system"]')!;
    expect(system.value).toBe('wgs84');
    expect([...system.options].map((option) => option.textContent)).toEqual(['WGS-84（GPS、天地图）', 'GCJ-02（高德、腾讯地图）']);
    expect(document.getElementById(`${system.id}-hint`)!.textContent).toContain('高德地图、腾讯地图的取点工具给出的是 GCJ-02');
    type(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lat"]')!, ' 43.87 ');
    type(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lng"]')!, '125.34');
    type(system, 'gcj02');
    await save(opened);

    const sent = api.sent('PUT', `/service-points/${ziqiang.code}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ lat: 43.87, lng: 125.34, system: 'gcj02' });
    expect(dialog()).toBeNull();
    // The table shows what the API stored (converted to WGS-84), not what was typed.
    expect(row(ziqiang.code).querySelector('[data-testid="service-point-location"]')!.textContent.trim()).toBe('43.86877，125.33544');
    expect(section()!.querySelector('caption')!.textContent).toContain('已填写 1 个，共 2 个');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('已保存自强街道的服务中心位置。'));
    expect(api.sent('GET', '/service-points')).toHaveLength(2); // the list was read again
  });

  it('starts from the stored location when editing one', async () => {
    serve([servicePoint({ location: { lat: 43.86821, lng: 125.33052 } })]);
    await mountAt('/regions/220102', districtStaff());

    const opened = await openDialog('220102001000');

    expect(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lat"]')!.value).toBe('43.86821');
    expect(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lng"]')!.value).toBe('125.33052');
  });

  it('shows the API’s 400 on body.lat on the latitude field and in a focused error summary', async () => {
    const { api, ziqiang } = serve();
    api.on('PUT', `/service-points/${ziqiang.code}`, () =>
      jsonResponse(validationError([fieldIssue('body.lat', '纬度应在 3° 至 54° 之间（中国境内）', 'Latitude must be inside China')]), 400),
    );
    await mountAt('/regions/220102', districtStaff());

    const opened = await openDialog(ziqiang.code);
    type(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lat"]')!, '43.87');
    type(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lng"]')!, '125.34');
    await save(opened);

    expect(api.sent('PUT', `/service-points/${ziqiang.code}`)).toHaveLength(1);
    expect(dialog()).not.toBeNull();
    const summary = opened.querySelector<HTMLElement>('[data-testid="error-summary"]')!;
    expect(summary.textContent).toContain('请修正以下 1 处错误');
    const link = summary.querySelector<HTMLAnchorElement>('a')!;
    expect(link.getAttribute('href')).toBe('#service-point-lat');
    expect(link.textContent).toBe('纬度应在 3° 至 54° 之间（中国境内）');
    await vi.waitFor(() => expect(document.activeElement).toBe(summary));
    const lat = opened.querySelector<HTMLInputElement>('[data-testid="service-point-lat"]')!;
    expect(lat.getAttribute('aria-invalid')).toBe('true');
    expect(lat.getAttribute('aria-describedby')!.split(' ')).toContain('service-point-lat-error');
    expect(document.getElementById('service-point-lat-error')!.textContent).toBe('错误：纬度应在 3° 至 54° 之间（中国境内）');
    expect(opened.querySelector('[data-testid="service-point-lng"]')!.getAttribute('aria-invalid')).toBeNull();
    expect(row(ziqiang.code).querySelector('[data-testid="service-point-location"]')!.textContent.trim()).toBe('未填写');
  });

  it('catches empty and out-of-China values before sending', async () => {
    const { api, ziqiang } = serve();
    await mountAt('/regions/220102', districtStaff());

    const opened = await openDialog(ziqiang.code);
    type(opened.querySelector<HTMLInputElement>('[data-testid="service-point-lng"]')!, '200');
    await save(opened);

    expect(api.sent('PUT', `/service-points/${ziqiang.code}`)).toHaveLength(0);
    expect([...opened.querySelectorAll('[data-testid="error-summary"] a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#service-point-lat', '请填写纬度'],
      ['#service-point-lng', '经度应在 73° 至 136° 之间（中国境内）'],
    ]);
  });
});

describe('checkServicePoint', () => {
  it('accepts full-width digits and builds the body', () => {
    expect(checkServicePoint({ lat: '４３．８７', lng: '125.34', system: 'wgs84' })).toEqual({ errors: [], body: { lat: 43.87, lng: 125.34, system: 'wgs84' } });
  });

  it('says when latitude and longitude look swapped, and when a value is not a number', () => {
    expect(checkServicePoint({ lat: '125.34', lng: '43.87', system: 'wgs84' }).errors.map((error) => [error.field, error.messages['zh-CN']])).toEqual([
      ['lat', '纬度和经度似乎填反了：纬度（北纬）在 3° 至 54° 之间，经度（东经）在 73° 至 136° 之间'],
    ]);
    const notNumber = checkServicePoint({ lat: '43°52′', lng: '125.34', system: 'wgs84' });
    expect(notNumber.body).toBeNull();
    expect(notNumber.errors.map((error) => error.messages.en)).toEqual(['Latitude must be a number']);
  });
});
