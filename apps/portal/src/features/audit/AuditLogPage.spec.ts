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
  noteCode: null,
  noteParams: null,
  requestId: 'req-0001',
  ...overrides,
});

function serve(items: AccountAuditEntry[], activity: AccountActivityEntry[] = []) {
  const api = fakeApi();
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/account-audit', () => jsonResponse({ items, nextBefore: null, nextBeforeId: null }));
  api.on('GET', `/accounts/${REVIEWER_ID}/activity`, () =>
    jsonResponse({ account: { id: REVIEWER_ID, username: 'hop.reviewer', displayName: '长春审核员', role: 'prefecture', regionCode: '220100', active: true, mustChangePassword: false }, items: activity, nextAfter: null, nextAfterId: null }),
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
    expect(rows[1]!.text()).toContain('运维人员（create-admin 命令）');
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

describe('AuditLogPage in the reader’s language (issue 8 review)', () => {
  it('labels notes, operators and unit changes in Chinese, and links the account that had set a password', async () => {
    serve([
      entry({ action: 'password-change', actor: { id: REVIEWER_ID, name: '长春审核员 (hop.reviewer)' }, note: `The password had been set by account ${OFFICIAL_ID}`, noteCode: 'password-set-by', noteParams: { accountId: OFFICIAL_ID, name: '王处长 (wang.jilin)' } }),
      entry({ action: 'deactivate', actor: { id: null, name: 'operator: server start' }, note: 'Demo accounts have a public password; deactivated because HOST=0.0.0.0 …', noteCode: 'demo-deactivated', noteParams: { reason: 'host', value: '0.0.0.0' }, changes: [{ field: 'active', from: true, to: false }] }),
      entry({ action: 'unit-change', changes: [{ field: 'regionCode', from: '220102', to: '220103' }] }),
    ]);
    const { wrapper } = await mountWithApp(App, { path: '/accounts/audit', as: administrator() });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="audit-row"]');
    expect(rows[0]!.get('[data-testid="audit-note"]').text()).toBe('此前的密码由此账号设置： 王处长 (wang.jilin)');
    expect(rows[0]!.get('[data-testid="audit-note-account"]').attributes('href')).toContain(OFFICIAL_ID);
    expect(rows[0]!.text()).not.toContain(`account ${OFFICIAL_ID}`);
    expect(rows[1]!.text()).toContain('运维人员（服务器启动）');
    expect(rows[1]!.get('[data-testid="audit-note"]').text()).toBe('演示账号的密码是公开的，因此停用：服务器监听的地址 0.0.0.0 不是本机地址，可从网络访问');
    expect(rows[2]!.text()).toContain('单位：吉林省 › 长春市 › 南关区 → 吉林省 › 长春市 › 宽城区');
  });

  it('pages with the keyset cursor: the next page asks for entries before (at, id)', async () => {
    const api = fakeApi();
    serveRegions(api, jilinWorld().all);
    const first = entry({ id: '3e0d6f4b-8a5c-4dbe-8f9a-4b5c6d7e8f90' });
    api.on('GET', '/account-audit', (request) =>
      jsonResponse(request.url.searchParams.get('beforeId') ? { items: [entry({})], nextBefore: null, nextBeforeId: null } : { items: [first], nextBefore: first.at, nextBeforeId: first.id }),
    );
    const { wrapper } = await mountWithApp(App, { path: '/accounts/audit', as: administrator() });
    await flushPromises();
    await wrapper.get('[data-testid="audit-more"]').trigger('click');
    await flushPromises();
    const sent = api.sent('GET', '/account-audit')[1]!.url.searchParams;
    expect([sent.get('before'), sent.get('beforeId')]).toEqual([first.at, first.id]);
    expect(wrapper.findAll('[data-testid="audit-row"]')).toHaveLength(2);
    expect(wrapper.find('[data-testid="audit-more"]').exists()).toBe(false);
  });

  it('says that a link’s invalid ?account= is ignored instead of sending it', async () => {
    const api = serve([]);
    const { wrapper } = await mountWithApp(App, { path: '/accounts/audit?account=x', as: administrator() });
    await flushPromises();
    expect(wrapper.get('[data-testid="audit-bad-account"]').text()).toContain('账号编号无效');
    expect(api.sent('GET', '/account-audit')[0]!.url.searchParams.has('accountId')).toBe(false);
  });
});

describe('AccountActivityPage (issue 8 review)', () => {
  const action = (at: string): AccountActivityEntry => ({ id: crypto.randomUUID(), at, siteId: SITE_ID, siteName: '阳光家园', action: 'create', fromStatus: null, toStatus: 'draft', reason: null });

  it('says that more actions follow and loads them', async () => {
    const api = fakeApi();
    serveRegions(api, jilinWorld().all);
    const a = action('2026-11-30T09:00:00.000Z');
    const account = { id: REVIEWER_ID, username: 'hop.reviewer', displayName: '长春审核员', role: 'prefecture', regionCode: '220100', active: true, mustChangePassword: false };
    api.on('GET', `/accounts/${REVIEWER_ID}/activity`, (request) =>
      jsonResponse(request.url.searchParams.get('afterId') ? { account, items: [action('2026-11-30T10:00:00.000Z')], nextAfter: null, nextAfterId: null } : { account, items: [a], nextAfter: a.at, nextAfterId: a.id }),
    );
    const { wrapper } = await mountWithApp(App, { path: `/accounts/${REVIEWER_ID}/activity`, as: administrator() });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="activity-row"]')).toHaveLength(1);
    await wrapper.get('[data-testid="activity-more"]').trigger('click');
    await flushPromises();
    expect(api.sent('GET', `/accounts/${REVIEWER_ID}/activity`)[1]!.url.searchParams.get('after')).toBe(a.at);
    expect(wrapper.findAll('[data-testid="activity-row"]')).toHaveLength(2);
    expect(wrapper.find('[data-testid="activity-more"]').exists()).toBe(false);
  });

  it('says that a link’s invalid ?since= is ignored instead of throwing', async () => {
    const api = serve([], []);
    const { wrapper } = await mountWithApp(App, { path: `/accounts/${REVIEWER_ID}/activity?since=x`, as: administrator() });
    await flushPromises();
    expect(wrapper.get('[data-testid="activity-bad-since"]').text()).toContain('起始时间无效');
    expect(api.sent('GET', `/accounts/${REVIEWER_ID}/activity`)[0]!.url.searchParams.has('since')).toBe(false);
    expect(wrapper.find('[data-testid="activity-empty"]').exists()).toBe(true);
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
