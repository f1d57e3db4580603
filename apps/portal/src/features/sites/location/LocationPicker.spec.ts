import type { GeoPoint } from '@sitenet/domain';
import { wgs84ToGcj02 } from '@sitenet/domain';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { servicePoint } from '#/features/regions/test-factories';
import { i18n } from '#/i18n';
import { mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { LIVE_MESSAGE_DELAY_MS, pageAnnouncer } from '#/ui/live-message';
import { site, siteList } from '../test-factories';
import LocationPicker from './LocationPicker.vue';
import { countyCollection, POINTS } from './test-factories';

/** ECharts needs a canvas: the chart is replaced; the test keeps its options, its point and the click handler. */
const chart = vi.hoisted(() => ({ options: [] as Array<Record<string, unknown>>, shown: [] as Array<unknown>, place: null as null | ((point: { lat: number; lng: number }) => void) }));
vi.mock('./picker-chart', () => ({
  registerPickerMap: () => {},
  createPickerChart: (_element: HTMLElement, _locale: string, place: (point: { lat: number; lng: number }) => void) => {
    chart.place = place;
    return { update: (option: Record<string, unknown>) => chart.options.push(option), showPoint: (point: unknown) => chart.shown.push(point), resize: () => {}, dispose: () => {} };
  },
}));

function serve() {
  const api = fakeApi();
  api.on('GET', '/boundaries/counties/22', () => jsonResponse(countyCollection()));
  api.on('GET', '/service-points', () => jsonResponse({ items: [servicePoint()] }));
  api.on('GET', '/sites', () => jsonResponse(siteList([site({ name: '甲家园' }), site({ name: '乙家园' })])));
  return api;
}

/** The picker under a parent that holds its v-models, as the form does. */
async function mountPicker(options: { regionCode?: string | null; point?: GeoPoint | null } = {}) {
  const point = ref<GeoPoint | null>(options.point ?? null);
  const confirmed = ref(false);
  const Host = defineComponent({
    setup: () => () =>
      h(LocationPicker, {
        regionCode: options.regionCode === undefined ? '220102001000' : options.regionCode,
        modelValue: point.value,
        'onUpdate:modelValue': (next: GeoPoint | null) => (point.value = next),
        confirmed: confirmed.value,
        'onUpdate:confirmed': (next: boolean) => (confirmed.value = next),
      }),
  });
  const { wrapper } = await mountWithApp(Host);
  await flushPromises();
  return { wrapper, point, confirmed };
}

async function announced(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, LIVE_MESSAGE_DELAY_MS + 20));
  return pageAnnouncer.text.value;
}

function stubGeolocation(answer: (success: PositionCallback, failure: PositionErrorCallback, options?: PositionOptions) => void) {
  const getCurrentPosition = vi.fn(answer);
  vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition } });
  return getCurrentPosition;
}

const text = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).text();

describe('LocationPicker', () => {
  beforeEach(() => {
    chart.options.length = 0;
    chart.shown.length = 0;
    chart.place = null;
  });

  describe('use my position', () => {
    it('asks with high accuracy, takes the WGS-84 point, shows the accuracy and says the check', async () => {
      serve();
      const ask = stubGeolocation((success) => success({ coords: { latitude: 43.85, longitude: 125.35, accuracy: 12.4 } } as GeolocationPosition));
      const { wrapper, point } = await mountPicker();
      await wrapper.get('[data-testid="location-mine"]').trigger('click');
      await flushPromises();

      expect(ask.mock.calls[0]![2]).toMatchObject({ enableHighAccuracy: true, maximumAge: 0 });
      expect(point.value).toEqual(POINTS.inside);
      expect(text(wrapper, 'location-accuracy')).toBe('已使用您的位置，精度约 12 米。');
      expect(text(wrapper, 'location-current')).toBe('当前位置：纬度 43.850000，经度 125.350000（WGS-84）');
      expect(text(wrapper, 'location-check')).toBe('位置在南关区范围内。');
      expect(await announced()).toBe('位置已设为纬度 43.850000，经度 125.350000，位置在南关区范围内。');
    });

    it('advises checking a rough position on the map', async () => {
      serve();
      stubGeolocation((success) => success({ coords: { latitude: 43.85, longitude: 125.35, accuracy: 1500 } } as GeolocationPosition));
      const { wrapper } = await mountPicker();
      await wrapper.get('[data-testid="location-mine"]').trigger('click');
      await flushPromises();
      expect(text(wrapper, 'location-accuracy')).toBe('精度较低（约 1500 米）：请在地图上核对并拖动位置点。');
      await wrapper.get('[data-testid="location-open-paste"]').trigger('click');
      await wrapper.get('[data-testid="location-paste-text"]').setValue('43.851,125.351');
      await wrapper.get('[data-testid="location-paste-use"]').trigger('click');
      expect(wrapper.find('[data-testid="location-accuracy"]').exists()).toBe(false);
    });

    it.each([
      [1, '未获准使用位置信息'],
      [2, '暂时无法确定位置'],
      [3, '获取位置超时'],
    ])('explains the browser error %i and keeps the point', async (code, start) => {
      serve();
      stubGeolocation((_success, failure) => failure({ code, message: '' } as GeolocationPositionError));
      const { wrapper, point } = await mountPicker({ point: POINTS.inside });
      await wrapper.get('[data-testid="location-mine"]').trigger('click');
      await flushPromises();
      const problem = wrapper.get('[data-testid="location-problem"]');
      expect(problem.attributes('role')).toBe('alert');
      expect(problem.text().startsWith(start)).toBe(true);
      expect(point.value).toEqual(POINTS.inside);
    });

    it('says so when the browser has no geolocation', async () => {
      serve();
      vi.stubGlobal('navigator', { ...navigator, geolocation: undefined });
      const { wrapper } = await mountPicker();
      await wrapper.get('[data-testid="location-mine"]').trigger('click');
      await flushPromises();
      expect(text(wrapper, 'location-problem')).toMatch(/^(此浏览器不能提供位置|只有通过 https)/);
    });
  });

  describe('pick on the map', () => {
    async function openMap(options: { point?: GeoPoint | null } = {}) {
      const api = serve();
      const mounted = await mountPicker(options);
      const button = mounted.wrapper.get('[data-testid="location-open-map"]');
      await button.trigger('click');
      // The map's module (and ECharts) load only now.
      await vi.waitFor(() => mounted.wrapper.get('[data-testid="location-map-region"]'));
      await vi.waitFor(() => expect(chart.options.length).toBeGreaterThan(0));
      expect(button.attributes('aria-expanded')).toBe('true');
      return { ...mounted, api };
    }

    it("draws the county's service points and sites, says so in text with the approval number, and a click places the point", async () => {
      const { wrapper, point, api } = await openMap();
      expect(api.sent('GET', '/service-points')[0]!.url.searchParams.get('region')).toBe('220102');
      expect(api.sent('GET', '/sites')[0]!.url.searchParams.get('region')).toBe('220102');
      const option = chart.options.at(-1)!;
      expect((option.series as Array<{ data: unknown[] }>).map((series) => series.data.length)).toEqual([1, 2]);
      expect(text(wrapper, 'location-map-summary')).toBe('地图显示南关区的范围、1 个乡镇（街道）服务点和2 个已登记的网点。');
      i18n.global.locale.value = 'en';
      await flushPromises();
      expect(text(wrapper, 'location-map-summary')).toBe('The map shows 南关区, 1 township service point and 2 registered sites.');
      i18n.global.locale.value = 'zh-CN';
      await flushPromises();
      expect(text(wrapper, 'location-map-approval')).toContain('GS(2024)0650号');

      chart.place!(POINTS.inside);
      await flushPromises();
      expect(point.value).toEqual(POINTS.inside);
      expect(await announced()).toBe('位置已设为纬度 43.850000，经度 125.350000，位置在南关区范围内。');
      expect(chart.shown.at(-1)).toEqual(POINTS.inside);
    });

    it('is one keyboard stop where the arrows move the point (Shift: further) and each move is announced', async () => {
      const { wrapper, point } = await openMap();
      const region = wrapper.get('[data-testid="location-map-region"]');
      expect(region.attributes()).toMatchObject({ role: 'application', tabindex: '0', 'aria-label': '南关区地图，选点区域' });
      expect(region.attributes('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent)).toEqual([
        expect.stringContaining('方向键'),
        expect.stringContaining('南关区'),
      ]);

      await region.trigger('keydown', { key: 'ArrowUp' });
      expect(point.value).toEqual(POINTS.inside); // no point yet: the first press puts it in the middle of the county
      await region.trigger('keydown', { key: 'ArrowUp' });
      expect(point.value!.lat).toBeCloseTo(43.85018, 5);
      expect(point.value!.lng).toBe(125.35);
      expect(await announced()).toBe('纬度 43.850180，经度 125.350000，位置在南关区范围内。');
      await region.trigger('keydown', { key: 'ArrowRight', shiftKey: true });
      expect(point.value!.lng).toBe(125.356228);
      await region.trigger('keydown', { key: 'Tab' });
      expect(point.value!.lng).toBe(125.356228);
      expect(text(wrapper, 'location-current')).toContain('经度 125.356');
    });
  });

  describe('paste from a map app', () => {
    async function openPaste() {
      serve();
      const mounted = await mountPicker();
      await mounted.wrapper.get('[data-testid="location-open-paste"]').trigger('click');
      return mounted;
    }

    it('reads longitude-first numbers, converts them from the system chosen, and uses the point on request', async () => {
      const { wrapper, point } = await openPaste();
      const gcj = wgs84ToGcj02(POINTS.inside);
      await wrapper.get('[data-testid="location-paste-text"]').setValue(`${gcj.lng}，${gcj.lat}`);
      expect(text(wrapper, 'location-paste-read')).toBe(`识别为纬度 ${gcj.lat}，经度 ${gcj.lng}；换算为 WGS-84：纬度 ${gcj.lat}，经度 ${gcj.lng}。`);
      await wrapper.get('[data-testid="location-paste-system"]').setValue('gcj02');
      expect(text(wrapper, 'location-paste-read')).toContain('换算为 WGS-84：纬度 43.85，经度 125.35');
      expect(point.value).toBeNull();
      await wrapper.get('[data-testid="location-paste-use"]').trigger('click');
      await flushPromises();
      expect(point.value).toEqual(POINTS.inside);
    });

    it("chooses the system a link names (高德: GCJ-02) and tells what cannot be read", async () => {
      const { wrapper } = await openPaste();
      await wrapper.get('[data-testid="location-paste-text"]').setValue('https://uri.amap.com/marker?position=125.3545,43.8481');
      expect((wrapper.get('[data-testid="location-paste-system"]').element as HTMLSelectElement).value).toBe('gcj02');
      await wrapper.get('[data-testid="location-paste-text"]').setValue('12958175,4825923');
      const input = wrapper.get('[data-testid="location-paste-text"]');
      expect(input.attributes('aria-invalid')).toBe('true');
      expect(document.getElementById(input.attributes('aria-describedby')!.split(' ').at(-1)!)!.textContent).toContain('百度墨卡托');
      expect(wrapper.find('[data-testid="location-paste-use"]').exists()).toBe(false);
    });
  });

  describe('the check against the county', () => {
    it('refuses a point far away in the words the API uses, with no confirmation', async () => {
      serve();
      const { wrapper } = await mountPicker({ point: POINTS.beijing });
      const check = wrapper.get('[data-testid="location-check"]');
      expect(check.attributes('data-verdict')).toBe('far');
      expect(check.text()).toContain('坐标在南关区边界外约');
      expect(check.text()).toContain('超过 20 公里');
      expect(wrapper.find('[data-testid="location-confirm"]').exists()).toBe(false);
    });

    it('asks to confirm a point a few km outside; the confirmation goes with that point only', async () => {
      serve();
      const { wrapper, point, confirmed } = await mountPicker({ point: POINTS.fiveKmEast });
      expect(wrapper.get('[data-testid="location-check"]').attributes('data-verdict')).toBe('outside');
      expect(text(wrapper, 'location-check')).toContain('坐标在南关区边界外约 5 公里');
      await wrapper.get('[data-testid="location-confirm"]').setValue(true);
      expect(confirmed.value).toBe(true);

      point.value = { lat: 43.85, lng: 125.57 };
      await flushPromises();
      expect(confirmed.value).toBe(false);
    });

    it('offers to exchange swapped latitude and longitude, then keeps the focus on the point', async () => {
      serve();
      const { wrapper, point } = await mountPicker({ point: { lat: 125.35, lng: 43.85 } });
      const swap = wrapper.get('[data-testid="location-swap"]');
      expect(swap.text()).toBe('改为纬度 43.85、经度 125.35');
      await swap.trigger('click');
      await flushPromises();
      expect(point.value).toEqual(POINTS.inside);
      expect(wrapper.find('[data-testid="location-swap"]').exists()).toBe(false);
      expect(document.activeElement).toBe(wrapper.get('[data-testid="location-current"]').element);
    });

    it('asks for a county first when a prefecture is chosen, and offers no map', async () => {
      serve();
      const { wrapper } = await mountPicker({ regionCode: '220100', point: POINTS.inside });
      expect(text(wrapper, 'location-check')).toContain('选择所在县（区）或乡镇（街道）后');
      expect(wrapper.find('[data-testid="location-open-map"]').exists()).toBe(false);
    });

    it('says the point cannot be checked when the boundary does not load', async () => {
      const api = serve();
      api.on('GET', '/boundaries/counties/22', () => jsonResponse({ statusCode: 503, code: 'x', message: 'x', messages: { 'zh-CN': 'x', en: 'x' } }, 503));
      const { wrapper } = await mountPicker({ point: POINTS.inside });
      expect(text(wrapper, 'location-check')).toContain('无法加载县界');
    });
  });
});
