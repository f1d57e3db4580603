import type { LocalizedText } from '../errors/localized.js';
import type { z } from 'zod';
import type { fieldChangeSchema, pendingChangeSummarySchema, siteHistoryEntrySchema, siteListResponseSchema, siteSchema } from '../schemas/sites.js';

/** Barrier-free features a site can offer (无障碍设施与服务). A fixed list, so it can be filtered. */
export const BARRIER_FREE_FEATURES = [
  'step-free-entrance',
  'ramp',
  'accessible-toilet',
  'tactile-paving',
  'lift',
  'accessible-parking',
  'sign-language-service',
  'screen-reader-friendly-information',
  'braille-signage',
  'hearing-loop',
  'accessible-workstations',
] as const;
export type BarrierFreeFeature = (typeof BARRIER_FREE_FEATURES)[number];

export const BARRIER_FREE_LABELS: Record<BarrierFreeFeature, LocalizedText> = {
  'step-free-entrance': { 'zh-CN': '无台阶入口', en: 'Step-free entrance' },
  ramp: { 'zh-CN': '坡道', en: 'Ramp' },
  'accessible-toilet': { 'zh-CN': '无障碍卫生间', en: 'Accessible toilet' },
  'tactile-paving': { 'zh-CN': '盲道', en: 'Tactile paving' },
  lift: { 'zh-CN': '无障碍电梯', en: 'Accessible lift' },
  'accessible-parking': { 'zh-CN': '无障碍停车位', en: 'Accessible parking' },
  'sign-language-service': { 'zh-CN': '手语服务', en: 'Sign-language service' },
  'screen-reader-friendly-information': { 'zh-CN': '读屏友好的信息', en: 'Screen-reader-friendly information' },
  'braille-signage': { 'zh-CN': '盲文标识', en: 'Braille signage' },
  'hearing-loop': { 'zh-CN': '助听环路', en: 'Hearing loop' },
  'accessible-workstations': { 'zh-CN': '无障碍工位', en: 'Accessible workstations' },
};

/** The lifecycle of a site record (DOMAIN.md); transitions come with the review workflow. */
export const SITE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'suspended', 'closed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** One changed field of a site (history, change requests); `diffFields` in workflow.ts computes them. */
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const SITE_STATUS_LABELS: Record<SiteStatus, LocalizedText> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  approved: { 'zh-CN': '已发布', en: 'Approved' },
  suspended: { 'zh-CN': '已暂停', en: 'Suspended' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

/** A site as the API returns it: `siteSchema`, whose common fields come from `COMMON_SITE_FIELDS`. */
export type Site = z.infer<typeof siteSchema>;

/** A change to the published site waiting for review (the site's fields stay in force). */
export type PendingChangeSummary = z.infer<typeof pendingChangeSummarySchema>;

/**
 * The body of a 409 `review.stale_version`: the site changed after the person acting saw it, so
 * nothing was done. `changes` names what differs between the version they saw and the current
 * one (`status`, published fields by path, `changeRequest`, proposed fields as `proposed.<path>`).
 */
export interface StaleVersionDetails {
  seenVersion: number;
  current: Site;
  changes: FieldChange[];
  /** false when the history does not hold the version seen (older records). */
  changesKnown: boolean;
}

/** One entry of a site's append-only history. */
export type SiteHistoryEntry = z.infer<typeof siteHistoryEntrySchema>;

/** A page of sites, with the number of matching sites per kind (under the same filters, whatever the kind filter). */
export type SiteListResponse = z.infer<typeof siteListResponseSchema>;
