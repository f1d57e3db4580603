import type { Locale } from '@sitenet/domain';

/**
 * The writers' own words in both languages: what the domain has no label table for (yes/no, the
 * coverage report's column headers, the page footer). Status, strength and region-type words come
 * from the domain's label tables.
 */
export const WORDS = {
  'zh-CN': {
    yes: '是',
    no: '否',
    sourceAsOf: (source: string, date: string) => `数据来源：${source}，截至 ${date}`,
    pageOf: '第 &P 页，共 &N 页',
    summarySheet: '汇总',
    matrixSheet: '区县矩阵',
    reportTitle: '覆盖情况报告',
    summaryHeaders: ['目标', '文件', '条款', '强度', '要求', '实际', '进度 (%)', '状态', '截止日期', '按趋势预计到期', '计量单位', '说明'],
    gapHeaders: ['区划代码', '名称', '类型', '现有', '最低要求', '缺口'],
    matrixHeaders: { code: '区划代码', name: '名称', type: '类型', total: '合计' },
    noGaps: '无缺口',
    notApplicable: '不适用',
    untracked: '未安装所计网点类型',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    sourceAsOf: (source: string, date: string) => `Source: ${source}, as of ${date}`,
    pageOf: 'Page &P of &N',
    summarySheet: 'Summary',
    matrixSheet: 'Units by kind',
    reportTitle: 'Coverage report',
    summaryHeaders: ['Target', 'Document', 'Clause', 'Strength', 'Required', 'Actual', 'Progress (%)', 'Status', 'Deadline', 'Projected at deadline', 'Unit', 'Description'],
    gapHeaders: ['Region code', 'Name', 'Type', 'Actual', 'Minimum', 'Gap'],
    matrixHeaders: { code: 'Region code', name: 'Name', type: 'Type', total: 'Total' },
    noGaps: 'No gaps',
    notApplicable: 'Not applicable',
    untracked: 'A kind it counts is not installed',
  },
} satisfies Record<Locale, unknown>;
