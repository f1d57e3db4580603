import { codesOf, type LocalizedText } from '../errors/localized.js';

/**
 * A quantified target of an action plan, as data. Its strength is the text's own word, and its
 * label says that word (not a planning term of art): `at-least` (至少, 不少于, 以上), `about`
 * (左右, 约), `strive` (力争, 努力) — so a dashboard can tell a missed obligation from a missed
 * aspiration. `ensure` (确保): a hard obligation the texts set for outcomes (确保新增…2.5万人以上, 确保…100%就业).
 */
export const TARGET_STRENGTH_LABELS = {
  'at-least': { 'zh-CN': '至少', en: 'At least' },
  about: { 'zh-CN': '左右', en: 'About' },
  strive: { 'zh-CN': '力争', en: 'Strive for' },
  ensure: { 'zh-CN': '确保', en: 'Ensure' },
} satisfies Record<string, LocalizedText>;
export type TargetStrength = keyof typeof TARGET_STRENGTH_LABELS;
export const TARGET_STRENGTHS = codesOf(TARGET_STRENGTH_LABELS);

export interface TargetSource {
  /** The plan's title, e.g. 吉林省促进残疾人就业三年行动实施方案(2025-2027年). */
  document: string;
  /** Where in it, e.g. 二(二)4. */
  clause: string;
  /** The sentence that sets the target, verbatim. */
  quote: string;
}

export interface Target<Rule = TargetRuleSpec> {
  id: string;
  /** The region whose plan sets it (a province, a city …). */
  regionCode: string;
  /** The site kinds it counts (one usually; several for a service circle). */
  kinds: string[];
  title: LocalizedText;
  strength: TargetStrength;
  /** When the plan's period starts: the trend is measured from here. */
  startsOn: string;
  deadline: string;
  /**
   * The text states no deadline for this target; `deadline` is the reading the note explains.
   * Such a target is never reported `missed` (at most `at-risk`): nobody missed a date they were not given.
   */
  deadlineAssumed: boolean;
  source: TargetSource;
  rule: Rule;
  /** A note on how the text was read (what could not be encoded, assumptions). */
  note?: LocalizedText | null;
  retired: boolean;
}

/** A rule of some shape with its parameters; see target-rules.ts for the shapes. */
export interface TargetRuleSpec {
  shape: string;
  [parameter: string]: unknown;
}

export const TARGET_STATUS_LABELS = {
  met: { 'zh-CN': '已达成', en: 'Met' },
  'on-track': { 'zh-CN': '进度正常', en: 'On track' },
  'at-risk': { 'zh-CN': '存在风险', en: 'At risk' },
  missed: { 'zh-CN': '未达成', en: 'Missed' },
} satisfies Record<string, LocalizedText>;
export type TargetStatus = keyof typeof TARGET_STATUS_LABELS;
export const TARGET_STATUSES = codesOf(TARGET_STATUS_LABELS);
