import { codesOf, type LocalizedText } from '../errors/localized.js';

/** Barrier-free features a site can offer (无障碍设施与服务). A fixed list, so it can be filtered. */
export const BARRIER_FREE_LABELS = {
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
} satisfies Record<string, LocalizedText>;
export type BarrierFreeFeature = keyof typeof BARRIER_FREE_LABELS;
export const BARRIER_FREE_FEATURES = codesOf(BARRIER_FREE_LABELS);

/** The lifecycle of a site record (DOMAIN.md); transitions come with the review workflow. */
export const SITE_STATUS_LABELS = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  approved: { 'zh-CN': '已发布', en: 'Approved' },
  suspended: { 'zh-CN': '已暂停', en: 'Suspended' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
} satisfies Record<string, LocalizedText>;
export type SiteStatus = keyof typeof SITE_STATUS_LABELS;
export const SITE_STATUSES = codesOf(SITE_STATUS_LABELS);
