import type { LocalizedText } from '../errors/localized.js';
import type { Role } from '../accounts/roles.js';
import type { SiteStatus } from './site.js';
import type { FieldChange } from '../schemas/sites.js';

/**
 * The review workflow (DOMAIN.md "Lifecycle of a site record"), as data:
 * draft → submitted → approved (published) or returned (with a reason) → resubmitted;
 * approved → suspended / closed (with a reason); suspended → approved again (reopen).
 * A closed site stays closed: a site that opens again is registered anew. Whoever submitted may
 * withdraw the submission while nobody has reviewed it (still submitted): it goes back to draft.
 */
export const SITE_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'suspend', 'close', 'reopen'] as const;
export type SiteAction = (typeof SITE_ACTIONS)[number];

interface Transition {
  from: readonly SiteStatus[];
  to: SiteStatus;
  roles: readonly Role[];
  needsReason: boolean;
}

export const SITE_TRANSITIONS: Record<SiteAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['district'], needsReason: false },
  withdraw: { from: ['submitted'], to: 'draft', roles: ['district'], needsReason: false },
  approve: { from: ['submitted'], to: 'approved', roles: ['prefecture', 'province'], needsReason: false },
  return: { from: ['submitted'], to: 'returned', roles: ['prefecture', 'province'], needsReason: true },
  suspend: { from: ['approved'], to: 'suspended', roles: ['prefecture', 'province'], needsReason: true },
  close: { from: ['approved', 'suspended'], to: 'closed', roles: ['prefecture', 'province'], needsReason: true },
  reopen: { from: ['suspended'], to: 'approved', roles: ['prefecture', 'province'], needsReason: false },
};

export const SITE_ACTION_LABELS: Record<SiteAction | 'create' | 'update' | 'change-request' | 'approve-change' | 'return-change', LocalizedText> = {
  create: { 'zh-CN': '登记', en: 'Registered' },
  update: { 'zh-CN': '修改', en: 'Edited' },
  submit: { 'zh-CN': '提交审核', en: 'Submitted for review' },
  withdraw: { 'zh-CN': '撤回提交', en: 'Withdrawn' },
  approve: { 'zh-CN': '审核通过', en: 'Approved' },
  return: { 'zh-CN': '退回修改', en: 'Returned' },
  suspend: { 'zh-CN': '暂停', en: 'Suspended' },
  close: { 'zh-CN': '关闭', en: 'Closed' },
  reopen: { 'zh-CN': '恢复', en: 'Reopened' },
  'change-request': { 'zh-CN': '提交变更申请', en: 'Change requested' },
  'approve-change': { 'zh-CN': '变更审核通过', en: 'Change approved' },
  'return-change': { 'zh-CN': '变更被退回', en: 'Change returned' },
};

/** The status an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: SiteStatus, action: SiteAction): SiteStatus | null {
  const transition = SITE_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

export function mayPerform(role: Role, action: SiteAction): boolean {
  return SITE_TRANSITIONS[action].roles.includes(role);
}

/** How an edit by district staff is handled in each status. */
export function editModeFor(status: SiteStatus): 'direct' | 'change-request' | 'locked' {
  if (status === 'draft' || status === 'returned') return 'direct';
  if (status === 'approved') return 'change-request';
  return 'locked';
}

/** Field-by-field differences between two records (nested objects by path, arrays whole). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    const field = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(a) && isPlainObject(b)) {
      changes.push(...diffFields(a, b, field));
    } else if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) {
      changes.push({ field, from: a ?? null, to: b ?? null });
    }
  }
  return changes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
