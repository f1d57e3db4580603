import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { REPORT_TRANSITIONS, parsePeriod, type LocalizedText, type Locale, type OutcomeFigures, type OutcomeImportResult, type ReportStatus, type ReportValues } from '@sitenet/domain';
import { checkOutcomeRow, readOutcomeSheet, readWorkbook, writeOutcomeFigures, writeOutcomeTemplate, type OutcomeSheetProblem, type OutcomeTemplateUnit } from '@sitenet/spreadsheets';
import { ApiException } from '../common/api-exception.js';
import type { Actor } from '../common/actor.js';
import { readUpload } from '../imports/upload.js';
import { OutcomeIndicatorsService } from './outcome-indicators.service.js';
import { OutcomeOverviewService } from './outcome-overview.service.js';
import { OutcomeReportsService } from './outcome-reports.service.js';
import { RegionsService } from '../regions/regions.service.js';

/** A file to send: its bytes and names. */
export interface SheetFile {
  bytes: Buffer;
  name: string;
  asciiName: string;
}

const FILE_WORDS = {
  template: { 'zh-CN': '成效指标填报模板', en: 'outcome-figures-template' },
  figures: { 'zh-CN': '成效指标', en: 'outcome-figures' },
} satisfies Record<string, LocalizedText>;

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const EDITABLE = new Set<string>(REPORT_TRANSITIONS.save.from);

/**
 * A period's figures as spreadsheets (issue 11): the template of a region's reporting units (any
 * signed-in user within jurisdiction: a reviewer may hand it out), the import of a filled one
 * (district staff, for their own unit only: the reports service's save rule), and the approved
 * figures export. The import is synchronous and all-or-nothing: the file is read and every row
 * checked — its unit is one of the region's reporting units, the caller may save it, its report
 * is not submitted or approved, its figures laid over the saved draft pass the draft check —
 * before anything is saved; with any problem nothing is saved and every problem is answered
 * (200, outcomeImportResultSchema). Saving goes through OutcomeReportsService.save (history
 * action `import`). A district account saves one unit, its own, so all-or-nothing needs no
 * transaction spanning reports.
 */
@Injectable()
export class OutcomeSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly overview: OutcomeOverviewService,
    private readonly reports: OutcomeReportsService,
    private readonly indicators: OutcomeIndicatorsService,
    private readonly regions: RegionsService,
  ) {}

  /** The template of the region's reporting units for the period, their saved figures pre-filled. */
  async template(regionCode: string, periodKey: string, lang: Locale, actor: Actor, generatedAt = new Date()): Promise<SheetFile> {
    const completeness = await this.overview.completeness(regionCode, periodKey, actor); // jurisdiction, period, units
    const values = await this.savedValues(completeness.units.map((unit) => unit.code), periodKey);
    const units: OutcomeTemplateUnit[] = completeness.units.map((unit) => ({ code: unit.code, name: unit.name, status: unit.status, values: values.get(unit.code) ?? {} }));
    const bytes = await writeOutcomeTemplate({ period: periodKey, indicators: await this.indicatorsOf(periodKey, completeness.region.code), units, regionName: completeness.region.name, lang, generatedAt });
    return { bytes, name: `${FILE_WORDS.template[lang]}-${completeness.region.name}-${periodKey}.xlsx`, asciiName: `outcome-template-${completeness.region.code}-${periodKey}.xlsx` };
  }

  /** The region's approved figures for the export (jurisdiction and period checked before any byte is written). */
  figures(regionCode: string, periodKey: string, actor: Actor): Promise<OutcomeFigures> {
    return this.overview.figures(regionCode, periodKey, undefined, actor);
  }

  async writeFigures(out: NodeJS.WritableStream, figures: OutcomeFigures, lang: Locale, generatedAt: Date): Promise<void> {
    await writeOutcomeFigures(out, { figures, indicators: await this.indicatorsOf(figures.period, figures.region.code), regionName: figures.region.name, generatedAt, locale: lang });
  }

  figuresFileName(figures: OutcomeFigures, lang: Locale): Pick<SheetFile, 'name' | 'asciiName'> {
    return { name: `${FILE_WORDS.figures[lang]}-${figures.region.name}-${figures.period}.xlsx`, asciiName: `outcome-figures-${figures.region.code}-${figures.period}.xlsx` };
  }

  /** Reads the uploaded file and saves every row as a draft, or nothing and every problem. */
  async importFigures(regionCode: string, periodKey: string, actor: Actor, request: Request): Promise<OutcomeImportResult> {
    // The upload is read whole first (at most IMPORT_LIMITS.maxBytes), so a refusal reaches a client still sending.
    const upload = await readUpload(request);
    const completeness = await this.overview.completeness(regionCode, periodKey, actor); // jurisdiction, period, units
    const units = new Map(completeness.units.map((unit) => [unit.code, unit]));
    const read = await readWorkbook(new Uint8Array(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength), upload.fileName);
    if (!read.ok) throw new ApiException(400, read.failure.code, read.failure.messages, [{ path: 'body.file', code: read.failure.code, messages: read.failure.messages }]);

    const indicators = await this.indicatorsOf(periodKey, completeness.region.code);
    const sheet = readOutcomeSheet(read.workbook, periodKey, indicators);
    const problems: OutcomeSheetProblem[] = [...sheet.problems];
    const toSave: { code: string; name: string; version: number; values: ReportValues; unchanged: boolean; status: ReportStatus }[] = [];
    for (const row of sheet.rows) {
      const unit = units.get(row.code);
      const at = (message: LocalizedText) => problems.push({ row: row.row, column: null, message });
      if (!unit) {
        at(text(`${row.code} 不是${completeness.region.name}的填报单位：请核对区划代码`, `${row.code} is not a reporting unit of ${completeness.region.name}: check the division code`));
        continue;
      }
      if (actor.regionCode !== unit.code) {
        at(text(`只有${unit.name}（${unit.code}）的区县工作人员可以导入它的数据：请删除此行`, `Only district staff of ${unit.name} (${unit.code}) may import its figures: delete this row`));
        continue;
      }
      const report = await this.reports.get(unit.code, periodKey, actor);
      if (!EDITABLE.has(report.status)) {
        at(text(`${unit.name}的报告${report.status === 'approved' ? '已审核' : '已提交待审核'}，不能导入；如需更正，请在填报页面${report.status === 'approved' ? '提交变更申请' : '等待审核结果'}`, `${unit.name}'s report is ${report.status}: it cannot be imported over; ${report.status === 'approved' ? 'request a change on the report page' : 'wait for the review'}`));
        continue;
      }
      const checked = checkOutcomeRow(row, report.values, periodKey, indicators);
      if (checked.problems.length > 0) {
        problems.push(...checked.problems);
        continue;
      }
      const unchanged = JSON.stringify(sortKeys(checked.values)) === JSON.stringify(sortKeys(report.values));
      // A row left empty for a unit that has not started creates no report.
      if (report.status === 'not-started' && row.given.every((given) => given.value === null)) continue;
      toSave.push({ code: unit.code, name: unit.name, version: report.version, values: checked.values, unchanged, status: report.status });
    }
    if (problems.length > 0) return { period: periodKey, saved: [], problems: listed(problems) };

    const saved: OutcomeImportResult['saved'] = [];
    for (const row of toSave) {
      if (row.unchanged && row.status !== 'not-started') {
        saved.push({ code: row.code, name: row.name, status: row.status });
        continue;
      }
      const report = await this.reports.save(row.code, periodKey, actor, row.version || undefined, row.values, 'import');
      saved.push({ code: row.code, name: row.name, status: report.status });
    }
    return { period: periodKey, saved, problems: [] };
  }

  /** The indicators of the period's periodicity reported inside the region (its columns). */
  private async indicatorsOf(periodKey: string, regionCode: string) {
    const periodicity = parsePeriod(periodKey)?.periodicity;
    return periodicity ? this.indicators.ofPeriodicity(periodicity, await this.regions.get(regionCode)) : [];
  }

  /** The figures saved for the units' reports of the period (the approved ones for an approved report). */
  private async savedValues(codes: string[], periodKey: string): Promise<Map<string, ReportValues>> {
    if (codes.length === 0) return new Map();
    const rows: { region_code: string; values: ReportValues }[] = await this.dataSource.query(`SELECT region_code, "values" FROM outcome_report WHERE region_code = ANY($1) AND period = $2`, [codes, periodKey]);
    return new Map(rows.map((row) => [row.region_code, row.values]));
  }
}

/** The most problems an answer lists (a file of thousands of wrong rows would make a huge answer): the rest are counted. */
export const MAX_LISTED_PROBLEMS = 200;

function listed(problems: OutcomeSheetProblem[]): OutcomeSheetProblem[] {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  if (sorted.length <= MAX_LISTED_PROBLEMS) return sorted;
  const more = sorted.length - MAX_LISTED_PROBLEMS;
  return [...sorted.slice(0, MAX_LISTED_PROBLEMS), { row: 0, column: null, message: text(`另有 ${more} 处问题未列出：请先改正以上问题后重新导入`, `${more} more problems are not listed: correct those above and import again`) }];
}

/** A value with its object keys in order, to compare figures regardless of key order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => [key, sortKeys(v)]));
  return value;
}
