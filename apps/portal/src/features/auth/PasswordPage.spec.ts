import type { VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { validationError, fieldIssue } from '#/features/sites/test-factories';
import { fillAndSubmit, mountSettled } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { districtStaff } from './test-factories';

const mountPage = () => mountSettled('/account/password', districtStaff({ username: 'wangfang' }));

const fill = (wrapper: VueWrapper, current: string, next: string, again = next) =>
  fillAndSubmit(wrapper, 'password-form', { 'password-current': current, 'password-new': next, 'password-confirm': again });

describe('PasswordPage', () => {
  it('states the policy before the fields and checks it before sending', async () => {
    const api = fakeApi();
    const { wrapper } = await mountPage();

    const policy = wrapper.get('[data-testid="password-policy"]');
    expect(policy.text()).toContain('至少 10 个字符');
    const form = wrapper.get('[data-testid="password-form"]');
    expect(policy.element.compareDocumentPosition(form.element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await fill(wrapper, 'old', 'wangfang-2025-new', 'something else');

    const items = wrapper.findAll('[data-testid="error-summary"] li').map((item) => item.text());
    expect(items).toEqual(['密码不能包含用户名', '两次填写的新密码不一致']);
    expect(api.sent('POST', '/auth/password')).toHaveLength(0);
  });

  it('refuses a new password equal to the current one before sending (issue 8 review)', async () => {
    const api = fakeApi();
    const { wrapper } = await mountPage();
    await fill(wrapper, 'handed-over-3031', 'handed-over-3031');
    expect(wrapper.findAll('[data-testid="error-summary"] li').map((item) => item.text())).toEqual(['新密码不能与当前密码相同']);
    expect(api.sent('POST', '/auth/password')).toHaveLength(0);
  });

  it("puts the API's refusal on the field, and says when the password was changed", async () => {
    const api = fakeApi();
    api.on('POST', '/auth/password', () => jsonResponse(validationError([fieldIssue('body.currentPassword', '当前密码不正确', 'Wrong')]), 400));
    const { wrapper } = await mountPage();

    await fill(wrapper, 'not my password', 'a long enough passphrase');
    expect(wrapper.get('#password-current-error').text()).toBe('错误：当前密码不正确');

    api.on('POST', '/auth/password', () => new Response(null, { status: 204 }));
    await fill(wrapper, 'sitenet-demo', 'a long enough passphrase');

    expect(api.sent('POST', '/auth/password').at(-1)!.body).toEqual({ currentPassword: 'sitenet-demo', newPassword: 'a long enough passphrase' });
    const done = wrapper.get('[data-testid="password-changed"]');
    expect(document.activeElement).toBe(done.element);
    expect((wrapper.get('[data-testid="password-new"]').element as HTMLInputElement).value).toBe('');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toContain('密码已修改'));
  });
});
