import type { LocalizedText } from '@sitenet/domain';

/**
 * The writers' own words, each in both languages: what the domain has no label table for (the
 * coverage report's sheet and column names, the page footer). Yes/no, status, strength and
 * region-type words come from the domain's tables. `{source}` and `{date}` are filled in.
 */
export const WORDS = {
  sourceAsOf: { 'zh-CN': '数据来源：{source}，截至 {date}', en: 'Source: {source}, as of {date}' },
  pageOf: { 'zh-CN': '第 &P 页，共 &N 页', en: 'Page &P of &N' },
  reportTitle: { 'zh-CN': '覆盖情况报告', en: 'Coverage report' },
  asOfTitle: { 'zh-CN': '（截至 {day}）', en: ' (as of {day})' },
  summarySheet: { 'zh-CN': '汇总', en: 'Summary' }, matrixSheet: { 'zh-CN': '区县矩阵', en: 'Units by kind' },
  noGaps: { 'zh-CN': '无缺口', en: 'No gaps' }, notApplicable: { 'zh-CN': '不适用', en: 'Not applicable' },
  untracked: { 'zh-CN': '未安装所计网点类型', en: 'A kind it counts is not installed' },
} satisfies Record<string, LocalizedText>;

/** The coverage report's column headers, a line per group of columns. */
export const REPORT_HEADERS = {
  // the summary: the target and its source; its figures; its state
  target: { 'zh-CN': '目标', en: 'Target' }, document: { 'zh-CN': '文件', en: 'Document' }, clause: { 'zh-CN': '条款', en: 'Clause' }, strength: { 'zh-CN': '强度', en: 'Strength' },
  required: { 'zh-CN': '要求', en: 'Required' }, actual: { 'zh-CN': '实际', en: 'Actual' }, progress: { 'zh-CN': '进度 (%)', en: 'Progress (%)' },
  status: { 'zh-CN': '状态', en: 'Status' }, deadline: { 'zh-CN': '截止日期', en: 'Deadline' }, projection: { 'zh-CN': '按趋势预计到期', en: 'Projected at deadline' },
  unit: { 'zh-CN': '计量单位', en: 'Unit' }, description: { 'zh-CN': '说明', en: 'Description' },
  // a unit (gap sheets, matrix); a unit's gap; the matrix's total
  code: { 'zh-CN': '区划代码', en: 'Region code' }, name: { 'zh-CN': '名称', en: 'Name' }, type: { 'zh-CN': '类型', en: 'Type' },
  count: { 'zh-CN': '现有', en: 'Actual' }, minimum: { 'zh-CN': '最低要求', en: 'Minimum' }, gap: { 'zh-CN': '缺口', en: 'Gap' },
  total: { 'zh-CN': '合计', en: 'Total' },
} satisfies Record<string, LocalizedText>;
export type ReportColumnKey = keyof typeof REPORT_HEADERS;
