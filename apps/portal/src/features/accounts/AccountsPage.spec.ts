import type { AccountSummary } from '@sitenet/domain';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { account, administrator, districtStaff, prefectureReviewer, provinceOfficial } from '#/features/auth/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { fieldIssue, validationError } from '#/features/sites/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { checkAccountForm, rolesCreatableBy } from './account-form';
import { usernameTaken } from './test-factories';

function serve(accounts: AccountSummary[]) {
  const api = fakeApi();
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/accounts', () => jsonResponse({ items: accounts }));
  return api;
}

async function mountAs(viewer: AccountSummary) {
  const mounted = await mountWithApp(App, { path: '/accounts', as: viewer });
  await flushPromises();
  return mounted;
}

const roleOptions = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-testid="account-role"] option').map((option) => [option.attributes('value'), option.text()]);

describe('account form rules', () => {
  it('offers only the roles CREATABLE_ROLES gives the creator', () => {
    expect(rolesCreatableBy('admin')).toEqual(['admin', 'province', 'prefecture', 'district']);
    expect(rolesCreatableBy('province')).toEqual(['prefecture', 'district']);
    expect(rolesCreatableBy('district')).toEqual([]);
  });

  it('refuses a role the creator may not create and asks for a unit except for admins', () => {
    const values = { username: 'wang.fang', displayName: '王芳', role: 'admin' as const, regionCode: null, password: 'a long enough passphrase' };
    expect(checkAccountForm(values, 'province').map((error) => error.field)).toEqual(['role']);
    expect(checkAccountForm(values, 'admin')).toEqual([]);
    expect(checkAccountForm({ ...values, role: 'district' }, 'admin').map((error) => error.field)).toEqual(['regionCode']);
  });
});

describe('AccountsPage', () => {
  it('lists accounts with role labels, unit names and whether they are active', async () => {
    const viewer = provinceOfficial({ username: 'demo-province' });
    const reviewer = prefectureReviewer({ username: 'cc-review', displayName: '长春审核', active: false });
    serve([viewer, reviewer]);
    const { wrapper } = await mountAs(viewer);

    expect(wrapper.get('h1').text()).toBe('账号管理');
    const table = wrapper.get('[data-testid="accounts-table"]');
    expect(table.get('caption').text()).toBe('账号列表（共 2 个）');
    const rows = table.findAll('tbody tr');
    expect(rows[1]!.findAll('th, td').slice(0, 5).map((cell) => cell.text())).toEqual(['cc-review', '长春审核', '市(州)残联审核人员', '吉林省 › 长春市', '已停用']);
    expect(rows[0]!.text()).toContain('您自己的账号');
    expect(rows[0]!.find('[data-testid="account-toggle"]').exists()).toBe(false);
    const toggle = rows[1]!.get('[data-testid="account-toggle"]');
    expect(toggle.text()).toBe('启用账号 长春审核（cc-review）');
  });

  it('limits the role select to what the creator may create', async () => {
    serve([]);
    const province = await mountAs(provinceOfficial());
    expect(roleOptions(province.wrapper)).toEqual([
      ['', '请选择'],
      ['prefecture', '市(州)残联审核人员'],
      ['district', '区县残联工作人员'],
    ]);
    province.wrapper.unmount();

    serve([]);
    const admin = await mountAs(administrator());
    expect(roleOptions(admin.wrapper).map(([value]) => value)).toEqual(['', 'admin', 'province', 'prefecture', 'district']);
    await admin.wrapper.get('[data-testid="account-role"]').setValue('admin');
    expect(admin.wrapper.find('[data-testid="account-unit"]').exists()).toBe(false);
    expect(admin.wrapper.find('[data-testid="account-no-unit"]').exists()).toBe(true);
  });

  it('states the password policy and checks the form before sending', async () => {
    const api = serve([]);
    const { wrapper } = await mountAs(provinceOfficial());

    const password = wrapper.get('[data-testid="account-password"]');
    const hint = wrapper.get(`#${password.attributes('aria-describedby')!.split(' ')[0]}`);
    expect(hint.text()).toContain('至少 10 个字符');

    await wrapper.get('[data-testid="account-username"]').setValue('Wang Fang');
    await wrapper.get('[data-testid="account-password"]').setValue('short');
    await wrapper.get('[data-testid="account-form"]').trigger('submit');
    await flushPromises();

    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary.element);
    expect(summary.findAll('a').map((link) => link.attributes('href'))).toEqual([
      '#account-username',
      '#account-displayName',
      '#account-role',
      '#account-password',
    ]);
    expect(api.sent('POST', '/accounts')).toHaveLength(0);
  });

  it("maps the API's refusals to the fields: a taken username, a unit that does not fit", async () => {
    const api = serve([]);
    api.on('POST', '/accounts', () => jsonResponse(usernameTaken('wang.fang'), 409));
    const { wrapper } = await mountAs(provinceOfficial());
    await wrapper.get('[data-testid="account-username"]').setValue('wang.fang');
    await wrapper.get('[data-testid="account-displayName"]').setValue('王芳');
    await wrapper.get('[data-testid="account-role"]').setValue('district');
    await flushPromises();
    await wrapper.get('[data-testid="account-password"]').setValue('a long enough passphrase');
    await wrapper.get('[data-testid="account-form"]').trigger('submit');
    await flushPromises();

    const posted = api.sent('POST', '/accounts')[0]!.body;
    expect(posted).toEqual({ username: 'wang.fang', displayName: '王芳', role: 'district', regionCode: '220000', password: 'a long enough passphrase' });
    const username = wrapper.get('[data-testid="account-username"]');
    expect(username.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#account-username-error').text()).toBe('错误：用户名 wang.fang 已被使用，请换一个。');

    api.on('POST', '/accounts', () => jsonResponse(validationError([fieldIssue('body.regionCode', '区县残联工作人员账号应绑定县级单位', 'county')]), 400));
    await wrapper.get('[data-testid="account-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#account-regionCode-error').text()).toBe('错误：区县残联工作人员账号应绑定县级单位');
    expect(wrapper.get('[data-testid="error-summary"] a').attributes('href')).toBe('#account-regionCode');
  });

  it('creates an account and adds it to the table', async () => {
    const created = districtStaff({ username: 'wang.fang', displayName: '王芳', regionCode: '220103' });
    const api = serve([]);
    api.on('POST', '/accounts', () => jsonResponse(created, 201));
    const { wrapper } = await mountAs(administrator());
    await wrapper.get('[data-testid="account-username"]').setValue('wang.fang');
    await wrapper.get('[data-testid="account-displayName"]').setValue('王芳');
    await wrapper.get('[data-testid="account-role"]').setValue('district');
    await flushPromises();
    for (const [index, code] of ['220000', '220100', '220103'].entries()) {
      await wrapper.findAll('[data-testid="account-unit"] select')[index]!.setValue(code);
      await flushPromises();
    }
    await wrapper.get('[data-testid="account-password"]').setValue('a long enough passphrase');
    await wrapper.get('[data-testid="account-form"]').trigger('submit');
    await flushPromises();

    expect((api.sent('POST', '/accounts')[0]!.body as { regionCode: string }).regionCode).toBe('220103');
    expect(wrapper.get('[data-testid="accounts-table"]').text()).toContain('wang.fang');
    expect(wrapper.get('[data-testid="account-notice"]').text()).toContain('已创建账号：王芳（wang.fang）');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="account-notice"]').element);
    expect((wrapper.get('[data-testid="account-username"]').element as HTMLInputElement).value).toBe('');
  });

  it('deactivates an account with a button naming it, and announces it', async () => {
    const target = account({ role: 'district', username: 'nanguan', displayName: '南关' });
    const api = serve([target]);
    api.on('PATCH', `/accounts/${target.id}`, () => jsonResponse({ ...target, active: false }));
    const { wrapper } = await mountAs(provinceOfficial());

    await wrapper.get('[data-testid="account-toggle"]').trigger('click');
    await flushPromises();

    expect(api.sent('PATCH', `/accounts/${target.id}`)[0]!.body).toEqual({ active: false });
    expect(wrapper.get('[data-testid="account-active"]').text()).toBe('已停用');
    expect(wrapper.get('[data-testid="account-toggle"]').text()).toBe('启用账号 南关（nanguan）');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('已停用账号：南关'));
  });

  it('resets a password in a dialog that checks the policy', async () => {
    const target = account({ role: 'district', username: 'nanguan', displayName: '南关' });
    const api = serve([target]);
    api.on('PATCH', `/accounts/${target.id}`, () => jsonResponse(target));
    const { wrapper } = await mountAs(provinceOfficial());

    await wrapper.get('[data-testid="account-reset"]').trigger('click');
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[data-testid="reset-dialog"]')!;
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('重置密码：南关');
    const input = dialog.querySelector<HTMLInputElement>('[data-testid="reset-password"]')!;
    input.value = 'short';
    input.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('[data-testid="reset-confirm"]')!.click();
    await flushPromises();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(api.sent('PATCH', `/accounts/${target.id}`)).toHaveLength(0);

    input.value = 'a long enough passphrase';
    input.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('[data-testid="reset-confirm"]')!.click();
    await flushPromises();
    expect(api.sent('PATCH', `/accounts/${target.id}`)[0]!.body).toEqual({ password: 'a long enough passphrase' });
    expect(document.querySelector('[data-testid="reset-dialog"]')).toBeNull();
  });
});
