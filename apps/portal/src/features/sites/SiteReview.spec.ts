import { type AccountSummary, type Site, SITE_TRANSITIONS } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { districtStaff, prefectureReviewer, provinceOfficial } from '#/features/auth/test-factories';
import { workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { historyEntry, illegalTransition, pendingChange, site, staleVersion } from './test-factories';

/** The site detail page as the review workflow shows it: status, actions, change request, history. */

function serve(shown: Site, history = [historyEntry()]) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', `/sites/${shown.id}`, () => jsonResponse(shown));
  api.on('GET', `/sites/${shown.id}/history`, () => jsonResponse({ items: history }));
  return api;
}

async function mountAs(account: AccountSummary, shown: Site) {
  const mounted = await mountWithApp(App, { path: `/sites/${shown.id}`, as: account });
  await flushPromises();
  return mounted;
}

const actionsOf = (wrapper: Awaited<ReturnType<typeof mountAs>>['wrapper']) =>
  wrapper.findAll('[data-testid="site-action"]').map((button) => button.attributes('data-action'));

const dialog = () => document.querySelector<HTMLElement>('[data-testid="reason-dialog"]');

describe('SiteDetail: status and workflow actions', () => {
  it('shows the status as text in a badge, not by colour alone', async () => {
    const shown = site({ status: 'returned' });
    serve(shown);
    const { wrapper } = await mountAs(districtStaff(), shown);
    const badge = wrapper.get('[data-testid="site-status"]');
    expect(badge.attributes('data-status')).toBe('returned');
    expect(badge.text()).toBe('状态：已退回');
  });

  it.each([
    ['district staff, draft', districtStaff(), 'draft', ['submit']],
    ['district staff, returned', districtStaff(), 'returned', ['submit']],
    ['district staff, submitted by someone else', districtStaff(), 'submitted', []],
    ['reviewer, submitted', prefectureReviewer(), 'submitted', ['approve', 'return']],
    ['reviewer, approved', prefectureReviewer(), 'approved', ['suspend', 'close']],
    ['province official, suspended', provinceOfficial(), 'suspended', ['close', 'reopen']],
    ['reviewer, closed', prefectureReviewer(), 'closed', []],
  ] as const)('offers the actions SITE_TRANSITIONS allows: %s', async (_case, account, status, expected) => {
    const shown = site({ status });
    serve(shown);
    const { wrapper } = await mountAs(account, shown);
    expect(actionsOf(wrapper)).toEqual(expected);
    for (const action of expected) {
      expect(SITE_TRANSITIONS[action].roles).toContain(account.role);
      expect(SITE_TRANSITIONS[action].from).toContain(status);
    }
  });

  it('labels the edit button 申请变更 for district staff on a published site, and hides it from reviewers', async () => {
    const shown = site({ status: 'approved' });
    serve(shown);
    const district = await mountAs(districtStaff(), shown);
    expect(district.wrapper.get('[data-testid="edit-site"]').text()).toContain('申请变更');
    district.wrapper.unmount();

    serve(shown);
    const reviewer = await mountAs(prefectureReviewer(), shown);
    expect(reviewer.wrapper.find('[data-testid="edit-site"]').exists()).toBe(false);
  });

  it('submits without a dialog, then shows the new status, reads the history again and announces it', async () => {
    const shown = site({ status: 'draft', name: '南关区阳光家园' });
    const api = serve(shown);
    const submitted = { ...shown, status: 'submitted' as const, version: shown.version + 1 };
    api.on('POST', `/sites/${shown.id}/submit`, () => jsonResponse(submitted));
    const { wrapper } = await mountAs(districtStaff(), shown);
    api.on('GET', `/sites/${shown.id}/history`, () =>
      jsonResponse({ items: [historyEntry(), historyEntry({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted' })] }),
    );

    await wrapper.get('[data-action="submit"]').trigger('click');
    await flushPromises();

    expect(api.sent('POST', `/sites/${shown.id}/submit`)[0]!.body).toEqual({ version: shown.version });
    expect(wrapper.get('[data-testid="site-status"]').attributes('data-status')).toBe('submitted');
    expect(wrapper.get('[data-testid="action-result"]').text()).toBe('已提交审核：南关区阳光家园');
    expect(wrapper.findAll('[data-testid="history-entry"]').map((entry) => entry.attributes('data-action'))).toEqual(['create', 'submit']);
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('已提交审核：南关区阳光家园'));
  });

  it('offers 撤回提交 to whoever submitted, sends it without a dialog and announces the draft state', async () => {
    const staff = districtStaff();
    const shown = site({ status: 'submitted', name: '南关区阳光家园', submittedBy: staff.id });
    const api = serve(shown);
    api.on('POST', `/sites/${shown.id}/withdraw`, () => jsonResponse({ ...shown, status: 'draft', submittedBy: null, version: shown.version + 1 }));
    const { wrapper } = await mountAs(staff, shown);
    expect(actionsOf(wrapper)).toEqual(['withdraw']);
    expect(wrapper.get('[data-action="withdraw"]').text()).toBe('撤回提交');

    await wrapper.get('[data-action="withdraw"]').trigger('click');
    await flushPromises();

    expect(api.sent('POST', `/sites/${shown.id}/withdraw`)[0]!.body).toEqual({ version: shown.version });
    expect(wrapper.get('[data-testid="site-status"]').attributes('data-status')).toBe('draft');
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('已撤回提交，网点回到草稿：南关区阳光家园'));
  });

  it('asks for a reason in a labelled dialog, refuses an empty one, and sends it', async () => {
    const shown = site({ status: 'submitted', name: '南关区阳光家园' });
    const api = serve(shown);
    api.on('POST', `/sites/${shown.id}/return`, () => jsonResponse({ ...shown, status: 'returned' }));
    const { wrapper } = await mountAs(prefectureReviewer(), shown);

    const trigger = wrapper.get('[data-action="return"]');
    (trigger.element as HTMLElement).focus();
    await trigger.trigger('click');
    await flushPromises();

    const opened = dialog()!;
    expect(opened.getAttribute('role')).toBe('dialog');
    expect(document.getElementById(opened.getAttribute('aria-labelledby')!)!.textContent).toBe('退回网点：南关区阳光家园');
    expect(document.getElementById(opened.getAttribute('aria-describedby')!)!.textContent).toContain('理由会显示给登记人');
    const input = opened.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]')!;
    expect(document.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('理由（必填）');
    expect(input.getAttribute('aria-required')).toBe('true');

    opened.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')!.click();
    await flushPromises();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const errorId = input.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(errorId)!.textContent).toBe('错误：请填写理由');
    expect(document.activeElement).toBe(input);
    expect(api.sent('POST', `/sites/${shown.id}/return`)).toHaveLength(0);

    input.value = '地址不完整，\n请补充门牌号';
    input.dispatchEvent(new Event('input'));
    opened.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')!.click();
    await flushPromises();

    expect(api.sent('POST', `/sites/${shown.id}/return`)[0]!.body).toEqual({ reason: '地址不完整， 请补充门牌号', version: shown.version });
    expect(dialog()).toBeNull();
    expect(wrapper.get('[data-testid="site-status"]').attributes('data-status')).toBe('returned');
    expect(wrapper.get('[data-testid="action-result"]').text()).toBe('已退回：南关区阳光家园');
  });

  it('closes the dialog on Escape without sending anything', async () => {
    const shown = site({ status: 'approved' });
    const api = serve(shown);
    const { wrapper } = await mountAs(prefectureReviewer(), shown);

    await wrapper.get('[data-action="suspend"]').trigger('click');
    await flushPromises();
    expect(dialog()).not.toBeNull();
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();

    expect(dialog()).toBeNull();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it("shows a 409 in an alert with the API's message", async () => {
    const shown = site({ status: 'submitted' });
    const api = serve(shown);
    api.on('POST', `/sites/${shown.id}/approve`, () => jsonResponse(illegalTransition('approved'), 409));
    const { wrapper } = await mountAs(prefectureReviewer(), shown);

    await wrapper.get('[data-action="approve"]').trigger('click');
    await flushPromises();

    const alert = wrapper.get('[data-testid="action-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('网点当前状态为“approved”，不能执行此操作。');
  });
});

describe('SiteDetail: a change request waiting', () => {
  const changes = [
    { field: 'name', from: '阳光家园', to: '南关区阳光家园' },
    { field: 'attributes.participants', from: 12, to: 18 },
    { field: 'barrierFree', from: ['ramp'], to: ['ramp', 'lift'] },
    { field: 'regionCode', from: '220102', to: '220102001000' },
  ];

  it('lists the changed fields in a table with a caption, labels from the kind and i18n, values formatted', async () => {
    const shown = site({ status: 'approved', pendingChange: pendingChange(changes) });
    serve(shown);
    const { wrapper } = await mountAs(prefectureReviewer(), shown);

    const section = wrapper.get('[data-testid="pending-change"]');
    expect(section.get('h2').text()).toBe('待审核的变更');
    const table = section.get('table');
    expect(table.get('caption').text()).toBe('申请修改的项目（共 4 项）');
    expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
      ['字段', 'col'],
      ['当前发布值', 'col'],
      ['申请修改为', 'col'],
    ]);
    const rows = Object.fromEntries(
      section.findAll('[data-testid="diff-row"]').map((row) => [row.attributes('data-field'), [row.get('th').text(), ...row.findAll('td').map((td) => td.text())]]),
    );
    expect(rows.name).toEqual(['网点名称', '阳光家园', '南关区阳光家园']);
    expect(rows['attributes.participants']).toEqual(['辅助性就业人数', '12 人', '18 人']);
    expect(rows.barrierFree).toEqual(['无障碍设施', '坡道', '坡道、无障碍电梯']);
    expect(rows.regionCode).toEqual(['所在地区', '吉林省 › 长春市 › 南关区', '吉林省 › 长春市 › 南关区 › 桃源街道']);
    expect(section.find('[data-testid="approve-change"]').exists()).toBe(true);
    expect(section.find('[data-testid="return-change"]').exists()).toBe(true);
  });

  it('approves the change for a reviewer', async () => {
    const shown = site({ status: 'approved', pendingChange: pendingChange(changes) });
    const api = serve(shown);
    api.on('POST', `/sites/${shown.id}/approve`, () => jsonResponse({ ...shown, name: '南关区阳光家园', pendingChange: null }));
    const { wrapper } = await mountAs(prefectureReviewer(), shown);

    await wrapper.get('[data-testid="approve-change"]').trigger('click');
    await flushPromises();

    expect(api.sent('POST', `/sites/${shown.id}/approve`).map((request) => request.body)).toEqual([{ version: shown.version }]);
    expect(wrapper.find('[data-testid="pending-change"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="action-result"]').text()).toBe('已批准变更，发布内容已更新：南关区阳光家园');
  });

  it('says the change request changed after it was shown (409): nothing approved, what changed, a reload; then approves the version shown', async () => {
    const shown = site({ status: 'approved', version: 4, pendingChange: pendingChange(changes) });
    const api = serve(shown);
    const current = site({ ...shown, version: 5, pendingChange: pendingChange([...changes, { field: 'contact.person', from: '王芳', to: '李强' }]) });
    api.on('POST', `/sites/${shown.id}/approve`, () =>
      jsonResponse(staleVersion(4, current, [{ field: 'proposed.contact.person', from: '王芳', to: '李强' }, { field: 'status', from: 'approved', to: 'approved' }]), 409),
    );
    const { wrapper } = await mountAs(prefectureReviewer(), shown);

    await wrapper.get('[data-testid="approve-change"]').trigger('click');
    await flushPromises();

    const notice = wrapper.get('[data-testid="stale-notice"]');
    expect(notice.attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(notice.element);
    expect(notice.get('h3').text()).toBe('网点在您查看之后已被修改，操作未执行');
    expect(notice.text()).toContain('您看到的是第 4 版，现在是第 5 版');
    const rows = notice.findAll('[data-testid="stale-change"]').map((row) => [row.attributes('data-field'), row.get('th').text(), ...row.findAll('td').map((td) => td.text())]);
    expect(rows).toEqual([
      ['proposed.contact.person', '联系人姓名（变更申请）', '王芳', '李强'],
      ['status', '状态', '已发布', '已发布'],
    ]);
    expect(wrapper.find('[data-testid="action-result"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-error"]').exists()).toBe(false);

    api.on('GET', `/sites/${shown.id}`, () => jsonResponse(current));
    api.on('POST', `/sites/${shown.id}/approve`, () => jsonResponse({ ...current, version: 6, pendingChange: null }));
    await notice.get('[data-testid="stale-reload"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="stale-notice"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="diff-row"]').map((row) => row.attributes('data-field'))).toContain('contact.person');

    await wrapper.get('[data-testid="approve-change"]').trigger('click');
    await flushPromises();
    expect(api.sent('POST', `/sites/${shown.id}/approve`).map((request) => request.body)).toEqual([{ version: 4 }, { version: 5 }]);
    expect(wrapper.get('[data-testid="action-result"]').text()).toContain('已批准变更');
  });

  it('tells district staff the published version stays in force, and why a change was returned', async () => {
    const waiting = site({ status: 'approved', pendingChange: pendingChange(changes) });
    serve(waiting);
    const first = await mountAs(districtStaff(), waiting);
    expect(first.wrapper.get('[data-testid="pending-change-note"]').text()).toBe('变更审核通过前，已发布的版本继续有效。');
    expect(first.wrapper.find('[data-testid="approve-change"]').exists()).toBe(false);
    first.wrapper.unmount();

    const returned = site({ status: 'approved', pendingChange: pendingChange(changes, { status: 'returned', reason: '人数与合同不符' }) });
    serve(returned);
    const { wrapper } = await mountAs(districtStaff(), returned);
    expect(wrapper.get('[data-testid="pending-change"] h2').text()).toBe('被退回的变更申请');
    expect(wrapper.get('[data-testid="pending-change-returned"]').text()).toContain('理由：人数与合同不符');
  });
});

describe('SiteDetail: history', () => {
  it('lists entries in order with time, actor, action, status change, reason and changed fields', async () => {
    const shown = site({ status: 'returned' });
    serve(shown, [
      historyEntry({ action: 'create', actorName: '王芳' }),
      historyEntry({ action: 'update', changes: [{ field: 'contact.phone', from: 'a', to: 'b' }, { field: 'attributes.participants', from: 1, to: 2 }] }),
      historyEntry({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted' }),
      historyEntry({ action: 'return', actorName: '长春市审核员', fromStatus: 'submitted', toStatus: 'returned', reason: '地址不完整', at: '2025-03-05T06:30:00.000Z' }),
    ]);
    const { wrapper } = await mountAs(districtStaff(), shown);

    const list = wrapper.get('[data-testid="site-history"]');
    expect(list.element.tagName).toBe('OL');
    const entries = list.findAll('[data-testid="history-entry"]');
    expect(entries.map((entry) => entry.attributes('data-action'))).toEqual(['create', 'update', 'submit', 'return']);
    expect(entries[0]!.text()).toContain('登记');
    expect(entries[0]!.text()).toContain('操作人：王芳');
    expect(entries[1]!.text()).toContain('修改的项目：联系电话、辅助性就业人数');
    const returned = entries[3]!;
    expect(returned.text()).toContain('退回修改');
    expect(returned.text()).toContain('状态从“待审核”变为“已退回”');
    expect(returned.text()).toContain('理由：地址不完整');
    expect(returned.get('time').attributes('datetime')).toBe('2025-03-05T06:30:00.000Z');
    expect(returned.get('time').text()).toMatch(/2025/);
  });
});
