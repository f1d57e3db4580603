import { codesOf, type LocalizedText } from '../errors/localized.js';

/** The grade of an accredited base (国家级/省级/市级/区县级), shared by the kinds that are graded. */
export const SITE_GRADE_LABELS = {
  national: { 'zh-CN': '国家级', en: 'National' },
  provincial: { 'zh-CN': '省级', en: 'Provincial' },
  prefectural: { 'zh-CN': '市级', en: 'Prefectural (city)' },
  county: { 'zh-CN': '区县级', en: 'County / district' },
} satisfies Record<string, LocalizedText>;
export type SiteGrade = keyof typeof SITE_GRADE_LABELS;
export const SITE_GRADES = codesOf(SITE_GRADE_LABELS);
