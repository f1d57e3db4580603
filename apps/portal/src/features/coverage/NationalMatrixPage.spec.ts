import type { NationalCoverageMatrix } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { administrator } from '#/features/auth/test-factories';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { regionSummary } from '#/features/regions/test-factories';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { jilinUnits, matrixRow, regionRef } from './test-factories';
import { mountCoverage } from './test-mount';

const KINDS = ['workshop', 'base'];

/** 吉林 (三 counties, one without sites) and 福建 (one county) at the county level; at level 2 their prefectures. */
function national(level: 2 | 3): NationalCoverageMatrix {
  const units = jilinUnits();
  const fujian = regionSummary({ code: '350000', name: '福建省', level: 1, type: 'province', parentCode: null });
  const minhou = regionSummary({ code: '350121', name: '闽侯县', level: 3, type: 'county', parentCode: '350100' });
  const fuzhou = regionSummary({ code: '350100', name: '福州市', level: 2, type: 'prefecture-city', parentCode: '350000' });
  return level === 3
    ? {
        level,
        kinds: KINDS,
        provinces: [
          { region: regionRef(units.jilin), rows: [matrixRow(units.nanguan, { workshop: 2, base: 1 }), matrixRow(units.nongan, { workshop: 0, base: 0 }), matrixRow(units.lishu, { workshop: 5, base: 0 })] },
          { region: regionRef(fujian), rows: [matrixRow(minhou, { workshop: 1, base: 1 })] },
        ],
      }
    : {
        level,
        kinds: KINDS,
        provinces: [
          { region: regionRef(units.jilin), rows: [matrixRow(units.changchun, { workshop: 2, base: 1 }), matrixRow(units.siping, { workshop: 5, base: 0 })] },
          { region: regionRef(fujian), rows: [matrixRow(fuzhou, { workshop: 1, base: 1 })] },
        ],
      };
}

function serve() {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  api.on('GET', '/coverage/national-matrix', ({ url }) => jsonResponse(national(url.searchParams.get('level') === '2' ? 2 : 3)));
  return api;
}

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises();
}

describe('national matrix page', () => {
  it('gives every province’s units, those without sites and the total in one request, each province opening to its table', async () => {
    const api = serve();
    const { wrapper } = await mountCoverage('/dashboard/national', { as: administrator() });
    await settle();

    expect(api.sent('GET', '/coverage/national-matrix').map((request) => request.url.searchParams.get('level'))).toEqual(['3']);
    expect(wrapper.get('h1').text()).toBe('全国各省网点统计');
    expect(wrapper.get('[data-testid="national-summary"]').text()).toBe('2 个省级单位，共 4 个县级单位（县、市、区），其中 1 个没有网点。');
    const rows = wrapper.findAll('[data-testid="national-province-row"]');
    expect(rows.map((row) => [row.get('th').text(), ...row.findAll('td').map((cell) => cell.text())])).toEqual([
      ['吉林省', '3', '1', '8'],
      ['福建省', '1', '0', '2'],
    ]);
    expect(rows[0]!.get('a').attributes('href')).toBe('#province-220000');

    // The overview's link opens the province and moves the focus to it.
    await rows[1]!.get('a').trigger('click');
    await settle();
    const fujian = wrapper.get('[data-testid="national-province"][data-code="350000"]');
    expect((fujian.element as HTMLDetailsElement).open).toBe(true);
    expect(fujian.find('[data-testid="choropleth-table"]').exists()).toBe(true);
    expect(document.activeElement).toBe(fujian.get('summary').element);

    // A province's table is drawn when it is opened.
    const jilin = wrapper.get('[data-testid="national-province"][data-code="220000"]');
    expect(jilin.get('summary').text()).toBe('吉林省：3 个单位，1 个没有网点');
    expect(jilin.find('table').exists()).toBe(false);
    (jilin.element as HTMLDetailsElement).open = true;
    await jilin.trigger('toggle');
    const table = jilin.get('[data-testid="choropleth-table"]');
    expect(table.findAll('[data-testid="choropleth-row"]').map((row) => row.attributes('data-code'))).toEqual(['220102', '220122', '220322']);

    // Sortable as the dashboard's matrix: by the total, largest first.
    const totalHeader = table.findAll('thead th').at(-1)!;
    await totalHeader.get('button').trigger('click');
    expect(totalHeader.attributes('aria-sort')).toBe('descending');
    expect(table.findAll('[data-testid="choropleth-row"]').map((row) => row.attributes('data-code'))).toEqual(['220322', '220102', '220122']);
  });

  it('switches to prefecture-level units, in the URL', async () => {
    const api = serve();
    const { wrapper, router } = await mountCoverage('/dashboard/national', { as: administrator() });
    await settle();

    await wrapper.get('[data-testid="national-level-2"]').setValue(true);
    await settle();

    expect(router.currentRoute.value.query.level).toBe('2');
    expect(api.sent('GET', '/coverage/national-matrix').map((request) => request.url.searchParams.get('level'))).toEqual(['3', '2']);
    expect(wrapper.get('[data-testid="national-summary"]').text()).toBe('2 个省级单位，共 3 个地级单位（市、州、盟），其中 0 个没有网点。');
    expect((wrapper.get('[data-testid="national-level-2"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('is the national administrator’s alone', async () => {
    const api = serve();
    const { wrapper } = await mountCoverage('/dashboard/national');
    await settle();

    expect(wrapper.find('[data-testid="national-matrix"]').exists()).toBe(false);
    expect(api.sent('GET', '/coverage/national-matrix')).toEqual([]);
  });
});
