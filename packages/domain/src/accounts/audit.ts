import { codesOf, type LocalizedText } from '../errors/localized.js';

/**
 * What the account audit log records: every action on an account, by whom (an account, or the
 * operator: the create-admin CLI, the server at start), before → after, never a password.
 */
export const ACCOUNT_AUDIT_ACTION_LABELS = {
  create: { 'zh-CN': '创建账号', en: 'Account created' },
  'password-reset': { 'zh-CN': '重置密码', en: 'Password reset' },
  'password-change': { 'zh-CN': '本人修改密码', en: 'Own password changed' },
  deactivate: { 'zh-CN': '停用', en: 'Deactivated' },
  reactivate: { 'zh-CN': '重新启用', en: 'Reactivated' },
  'role-change': { 'zh-CN': '更改角色', en: 'Role changed' },
  'unit-change': { 'zh-CN': '更改单位', en: 'Unit changed' },
  rename: { 'zh-CN': '更改名称', en: 'Renamed' },
} satisfies Record<string, LocalizedText>;
export type AccountAuditAction = keyof typeof ACCOUNT_AUDIT_ACTION_LABELS;
export const ACCOUNT_AUDIT_ACTIONS = codesOf(ACCOUNT_AUDIT_ACTION_LABELS);

/**
 * Why the operator (or the system) did something, as a code with parameters the portal labels in
 * the reader's language:
 * - `password-set-by` {accountId, name}: a password change replaced one someone else had set;
 * - `demo-deactivated` {reason, value}: a start deactivated a demo account (reason `production`,
 *   `seed-demo-off`, `host` (value: HOST), `trust-proxy` (value: TRUST_PROXY) or `removed`);
 * - `demo-reactivated` {host}: a loopback-only trial's start reactivated one.
 */
export const ACCOUNT_AUDIT_NOTE_CODES = ['password-set-by', 'demo-deactivated', 'demo-reactivated'] as const;
export type AccountAuditNoteCode = (typeof ACCOUNT_AUDIT_NOTE_CODES)[number];
