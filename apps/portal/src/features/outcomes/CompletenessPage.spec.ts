import type { AccountSummary } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { districtStaff, prefectureReviewer } from '#/features/auth/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { completeness, completenessUnit, newEmployment, training } from './test-factories';

/** 填报进度 with the fake API: counts, a row per unit, and the reminder list, most overdue first. */

const units = [
  completenessUnit({ code: '220102', name: '南关区', status: 'approved', submittedAt: '2025-10-09T02:00:00.000Z', approvedAt: '2025-10-10T02:00:00.000Z' }),
  completenessUnit({ code: '220103', name: '宽城区', status: 'draft', late: true, daysOverdue: 3 }),
  completenessUnit({ code: '220104', name: '朝阳区', status: 'submitted', late: true, submittedAt: '2025-10-20T02:00:00.000Z' }),
  completenessUnit({ code: '220105', name: '二道区', status: 'not-started', late: true, daysOverdue: 12 }),
];

function serve(body = completeness(units, { reminders: ['220105', '220103'] })) {
  const api = fakeApi();
  api.on('GET', '/outcome-indicators', () => jsonResponse({ items: [newEmployment(), training()] }));
  api.on('GET', '/outcome-completeness', () => jsonResponse(body));
  return api;
}

async function open(as: AccountSummary = prefectureReviewer()) {
  const mounted = await mountWithApp(App, { path: '/outcomes/completeness?period=2025-Q3', as });
  await flushPromises();
  return mounted;
}

describe('填报进度', () => {
  it('asks for the jurisdiction’s units of the chosen period and counts them', async () => {
    const api = serve();
    const { wrapper } = await open();
    expect(Object.fromEntries(api.sent('GET', '/outcome-completeness')[0]!.url.searchParams)).toEqual({ region: '220100', period: '2025-Q3' });
    expect(wrapper.get('h1').text()).toBe('长春市2025年第3季度填报进度');
    expect(wrapper.get('[data-testid="completeness-summary"]').text()).toBe('应报 4 个单位，已报 2 个，已审核 1 个，逾期 3 个。');
  });

  it('lists the units still to report in the API’s order, most overdue first, not the table’s', async () => {
    serve();
    const { wrapper } = await open();
    const reminders = wrapper.findAll('[data-testid="reminders"] li');
    expect(reminders.map((item) => item.attributes('data-code'))).toEqual(['220105', '220103']);
    expect(reminders[0]!.text()).toBe('二道区，逾期 12 天');
    expect(wrapper.findAll('[data-testid="completeness-row"]').map((row) => row.attributes('data-code'))).toEqual(['220102', '220103', '220104', '220105']);
  });

  it('shows each unit’s status in words and how late it is, and links to its report', async () => {
    serve();
    const { wrapper, router } = await open();
    const rows = wrapper.findAll('[data-testid="completeness-row"]');
    expect(rows.map((row) => row.findAll('td').map((cell) => cell.text())[2])).toEqual(['未逾期', '逾期 3 天', '逾期提交', '逾期 12 天']);
    expect(rows[1]!.get('[data-testid="status-220103"]').text()).toBe('状态：草稿');
    expect(rows[1]!.get('a').attributes('href')).toBe('/outcomes/report?region=220103&period=2025-Q3');
    await rows[1]!.get('a').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('outcome-report'));
  });

  it('copies the reminder list as one line and says so', async () => {
    serve();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { wrapper } = await open();
    await wrapper.get('[data-testid="copy-reminders"]').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith('2025年第3季度成果数据待填报单位：二道区、宽城区');
    expect(wrapper.get('[data-testid="copy-result"]').text()).toBe('已复制 2 个单位的名单');
  });

  it('says every unit has reported when none is left, and shows district staff their own row', async () => {
    const own = completeness([completenessUnit({ status: 'submitted', submittedAt: '2025-10-09T02:00:00.000Z' })], { region: { code: '220102', name: '南关区', level: 3 } });
    const api = serve(own);
    const { wrapper } = await open(districtStaff());
    expect(api.sent('GET', '/outcome-completeness')[0]!.url.searchParams.get('region')).toBe('220102');
    expect(wrapper.get('[data-testid="reminders-none"]').text()).toBe('所有单位都已填报。');
    expect(wrapper.findAll('[data-testid="completeness-row"]')).toHaveLength(1);
  });
});
