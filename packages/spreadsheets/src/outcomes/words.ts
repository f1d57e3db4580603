import { MAX_FIGURE, indicatorUnit, parsePeriod, periodLabel, type LocalizedText, type Locale, type OutcomeIndicator } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';

/** The figures sheets' own words, each in both languages. `{…}` are filled in. */
export const OUTCOME_WORDS = {
  templateTitle: { 'zh-CN': '{period}残疾人就业指标填报表', en: 'Outcome figures for {period}: reporting sheet' },
  templateSheet: { 'zh-CN': '填报', en: 'Figures' },
  figuresTitle: { 'zh-CN': '{period}残疾人就业指标（已审核数据）', en: 'Outcome figures for {period} (approved)' },
  figuresSheet: { 'zh-CN': '指标数据', en: 'Figures' },
  total: { 'zh-CN': '合计', en: 'Total' },
  ratePercent: { 'zh-CN': '{label}（%）', en: '{label} (%)' },
  asOf: { 'zh-CN': '截至 {date} 已审核的数据；比率的合计为各单位分子之和除以分母之和。', en: 'Figures approved by {date}; a rate’s total is the sum of the numerators over the sum of the denominators.' },
  wholeNumber: { 'zh-CN': '请填写 0 到 {max} 之间的整数', en: 'Enter a whole number from 0 to {max}' },
} satisfies Record<string, LocalizedText>;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
export { fill };

/** The instructions block above the header row: the period, its due day, how to fill in, each indicator. */
export function outcomeInstructionLines(period: string, indicators: readonly OutcomeIndicator[], lang: Locale, regionName: string): { text: string; heading?: boolean }[] {
  const zh = lang === 'zh-CN';
  const parsed = parsePeriod(period);
  const label = periodLabel(period)[lang];
  const lines: { text: string; heading?: boolean }[] = [
    { text: `${fill(OUTCOME_WORDS.templateTitle[lang], { period: label })}${regionName ? (zh ? `（${regionName}）` : ` (${regionName})`) : ''}`, heading: true },
    {
      text: zh
        ? `报告期：${label}（${parsed?.startsOn} 至 ${parsed?.endsOn}），填报截止日：${parsed?.dueOn}。`
        : `Period: ${label} (${parsed?.startsOn} to ${parsed?.endsOn}); due on ${parsed?.dueOn}.`,
    },
    {
      text: zh
        ? `填写方法：表头下方每行一个县级单位，不要修改区划代码和表头；每格填 0 到 ${MAX_FIGURE} 的整数（没有请填 0，暂不清楚可留空），不要使用公式或合并单元格。分项可不填，填全时各项之和应等于总数；比率填分子和分母，由系统计算。`
        : `How to fill in: one county-level unit per row below the header; do not change the division codes or the headers. Each cell takes a whole number from 0 to ${MAX_FIGURE} (0 if there were none, empty if not known yet); no formulas or merged cells. Breakdowns are optional; given in full, their parts add up to the total. For a rate give the numerator and the denominator: the system computes the rate.`,
    },
    {
      text: zh
        ? `导入后保存为草稿（已提交或已审核的报告不会被改动），请在填报页面核对后提交审核。文件为 .xlsx 或 .csv，不超过 ${Math.round(IMPORT_LIMITS.maxBytes / (1024 * 1024))} MB；任何一处有误时整个文件都不导入，并列出每个问题。`
        : `An import saves drafts (a submitted or approved report is never changed): check them on the report page, then submit. Upload .xlsx or .csv of at most ${Math.round(IMPORT_LIMITS.maxBytes / (1024 * 1024))} MB; with any problem nothing is imported and every problem is listed.`,
    },
    { text: zh ? '指标说明' : 'Indicators', heading: true },
  ];
  for (const indicator of indicators) {
    const unit = indicatorUnit(indicator)[lang];
    const measure =
      indicator.measure.type === 'rate'
        ? zh
          ? `比率（%），分子：${indicator.measure.numerator['zh-CN']}；分母：${indicator.measure.denominator['zh-CN']}`
          : `a rate (%): numerator ${indicator.measure.numerator.en}; denominator ${indicator.measure.denominator.en}`
        : zh
          ? `单位：${unit}`
          : `unit: ${unit}`;
    lines.push({ text: zh ? `· ${indicator.labels[lang]}（${measure}）：${indicator.description[lang]}` : `· ${indicator.labels[lang]} (${measure}): ${indicator.description[lang]}` });
  }
  return lines;
}
