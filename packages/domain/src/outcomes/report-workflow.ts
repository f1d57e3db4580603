import { codesOf, type LocalizedText } from '../errors/localized.js';
import type { Role } from '../accounts/roles.js';
import { SITE_ACTION_LABELS } from '../sites/workflow.js';

/**
 * A unit's report of a period follows the review workflow sites have (DOMAIN.md): district staff
 * save (draft) and submit; the prefecture (or province) approves, or returns it with a reason;
 * a returned report is corrected and submitted again. Approved figures count at once, up the
 * hierarchy. A correction after approval is a change request: the approved figures stay in force
 * until a reviewer approves the proposed ones (or returns the request with a reason).
 * `not-started`: nothing has been saved for the period yet.
 */
export const REPORT_STATUS_LABELS = {
  'not-started': { 'zh-CN': '未填报', en: 'Not started' },
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  approved: { 'zh-CN': '已审核', en: 'Approved' },
} satisfies Record<string, LocalizedText>;
export type ReportStatus = keyof typeof REPORT_STATUS_LABELS;
export const REPORT_STATUSES = codesOf(REPORT_STATUS_LABELS);

/** The review moves are named as the sites' are (one workflow, one set of words); saving and importing are the report's own. */
export const REPORT_ACTION_LABELS = {
  save: { 'zh-CN': '保存', en: 'Saved' },
  submit: SITE_ACTION_LABELS.submit,
  approve: SITE_ACTION_LABELS.approve,
  return: SITE_ACTION_LABELS.return,
  'change-request': SITE_ACTION_LABELS['change-request'],
  'approve-change': SITE_ACTION_LABELS['approve-change'],
  'return-change': SITE_ACTION_LABELS['return-change'],
  import: { 'zh-CN': '从表格导入', en: 'Imported from a spreadsheet' },
} satisfies Record<string, LocalizedText>;
export type ReportAction = keyof typeof REPORT_ACTION_LABELS;
export const REPORT_ACTIONS = codesOf(REPORT_ACTION_LABELS);

interface ReportTransition {
  from: readonly ReportStatus[];
  to: ReportStatus;
  roles: readonly Role[];
  needsReason: boolean;
}

/** Which status each action moves a report from and to, and who may take it. */
export const REPORT_TRANSITIONS: Record<'save' | 'submit' | 'approve' | 'return', ReportTransition> = {
  save: { from: ['not-started', 'draft', 'returned'], to: 'draft', roles: ['district'], needsReason: false },
  submit: { from: ['not-started', 'draft', 'returned'], to: 'submitted', roles: ['district'], needsReason: false },
  approve: { from: ['submitted'], to: 'approved', roles: ['prefecture', 'province'], needsReason: false },
  return: { from: ['submitted'], to: 'returned', roles: ['prefecture', 'province'], needsReason: true },
};

/**
 * Saving a returned report keeps it `returned` (the reason stays in view until it is submitted
 * again); saving anything else not yet submitted makes it a draft.
 */
export function statusAfterSave(status: ReportStatus): ReportStatus | null {
  if (status === 'returned') return 'returned';
  return REPORT_TRANSITIONS.save.from.includes(status) ? 'draft' : null;
}

/** Reporting status of a unit for a period, as the completeness view counts it. */
export function hasReported(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

/**
 * Late: the due day has passed and the unit had not submitted by then — still not submitted, or
 * submitted after the due day (`submittedOn`, the day of its latest submission).
 */
export function isLate(status: ReportStatus, dueOn: string, today: string, submittedOn: string | null): boolean {
  if (hasReported(status)) return submittedOn !== null && submittedOn > dueOn;
  return today > dueOn;
}
