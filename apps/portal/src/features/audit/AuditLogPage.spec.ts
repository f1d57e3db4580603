import type { AccountActivityEntry, AccountAuditEntry } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { administrator, districtStaff, provinceOfficial } from '#/features/auth/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';

const REVIEWER_ID = '0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d';
const OFFICIAL_ID = '1c8b4d2f-6e3a-4b9c-8d7e-2f3a4b5c6d7e';
const SITE_ID = '2d9c5e3a-7f4b-4cad-9e8f-3a4b5c6d7e8f';

const entry = (overrides: Partial<AccountAuditEntry>): AccountAuditEntry => ({
  id: crypto.randomUUID(),
  at: '2026-11-30T08:00:00.000Z',
  actor: { id: OFFICIAL_ID, name: '王处长 (wang.jilin)' },
  action: 'password-reset',
  account: { id: REVIEWER_ID, username: 'hop.reviewer' },
  changes: [],
  note: null,
  requestId: 'req-0001',
  ...overrides,
});

function serve(items: AccountAuditEntry[], activity: AccountActivityEntry[] = []) {
  const api = fakeApi();
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/account-audit', () => jsonResponse({ items, nextBefore: null }));
  api.on('GET', `/accounts/${REVIEWER_ID}/activity`, () =>
    jsonResponse({ account: { id: REVIEWER_ID, username: 'hop.reviewer', displayName: '长春审核员', role: 'prefecture', regionCode: '220100', active: true, mustChangePassword: false }, items: activity }),
  );
  return api;
}

describe('AuditLogPage', () => {
  it('lists who did what to which account, before → after, and links each entry to what the account did next', async () => {
    const api = serve([
      entry({ action: 'role-change', changes: [{ field: 'role', from: 'district', to: 'prefecture' }] }),
      entry({ action: 'create', actor: { id: null, name: 'operator: create-admin' }, requestId: null }),
    ]);
    const { wrapper, router } = await mountWithApp(App, { path: '/accounts/audit', as: provinceOfficial() });
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('账号审计日志');
    const rows = wrapper.findAll('[data-testid="audit-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('更改角色');
    expect(rows[0]!.text()).toContain('角色：区县残联工作人员 → 市(州)残联审核人员');
    expect(rows[0]!.text()).toContain('王处长 (wang.jilin)');
    expect(rows[1]!.text()).toContain('运维人员（create-admin）');
    expect(wrapper.get('[data-testid="audit-table"] caption').text()).toContain('2');
    await rows[0]!.get('[data-testid="audit-activity-link"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('account-activity'));
    await flushPromises();
    expect(router.currentRoute.value.query.since).toBe('2026-11-30T08:00:00.000Z');
    expect(api.sent('GET', `/accounts/${REVIEWER_ID}/activity`)[0]!.url.searchParams.get('since')).toBe('2026-11-30T08:00:00.000Z');
  });

  it('shows the account’s site actions after the entry', async () => {
    serve([], [{ id: crypto.randomUUID(), at: '2026-11-30T09:00:00.000Z', siteId: SITE_ID, siteName: '阳光家园', action: 'approve', fromStatus: 'submitted', toStatus: 'approved', reason: null }]);
    const { wrapper } = await mountWithApp(App, { path: `/accounts/${REVIEWER_ID}/activity?since=2026-11-30T08:00:00.000Z`, as: administrator() });
    await flushPromises();
    expect(wrapper.get('h1').text()).toContain('hop.reviewer');
    const row = wrapper.get('[data-testid="activity-row"]');
    expect(row.attributes('data-action')).toBe('approve');
    expect(row.text()).toContain('阳光家园');
  });

  it('is in the navigation of province officials and admins only', async () => {
    serve([]);
    const official = await mountWithApp(App, { path: '/accounts/audit', as: provinceOfficial() });
    await flushPromises();
    expect(official.wrapper.find('[data-testid="nav-account-audit"]').exists()).toBe(true);
    official.wrapper.unmount();
    const staff = await mountWithApp(App, { path: '/accounts/audit', as: districtStaff() });
    await flushPromises();
    expect(staff.wrapper.find('[data-testid="nav-account-audit"]').exists()).toBe(false);
    expect(staff.router.currentRoute.value.name).not.toBe('account-audit');
  });
});

describe('an account whose password someone else set', () => {
  it('is sent to the password page from any page, then on to it', async () => {
    serve([]);
    const { router } = await mountWithApp(App, { path: '/accounts/audit', as: provinceOfficial({ mustChangePassword: true }) });
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('password');
    expect(router.currentRoute.value.query.next).toBe('/accounts/audit');
  });
});
