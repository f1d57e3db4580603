import type { LocalizedText } from '../errors/localized.js';
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '../geo/coordinates.js';
import { IMPORT_LIMITS } from '../schemas/imports.js';
import type { SheetColumn } from '../sheets/columns.js';
import type { GridCell } from './contract.js';

/**
 * A cell as the request body takes it, by its column's type: text trimmed (codes NFKC-folded, a
 * credit code upper-cased), numbers from numbers or text (full-width digits, thousands
 * separators, a unit after them), dates as 'YYYY-MM-DD' from Excel serials or the usual written
 * forms, yes/no, choices by label (either language) or value. An empty cell is absent, so the
 * API's defaults apply. Digits Excel has already destroyed (a credit code stored as a number, a
 * landline that lost its leading 0) are refused, never guessed back.
 */

export interface CellProblem {
  code: string;
  messages: LocalizedText;
}

export type CellValue = { kind: 'absent' } | { kind: 'value'; value: unknown } | { kind: 'problem'; problem: CellProblem };

const ABSENT: CellValue = { kind: 'absent' };
const value = (v: unknown): CellValue => ({ kind: 'value', value: v });
const problem = (code: string, messages: LocalizedText): CellValue => ({ kind: 'problem', problem: { code, messages } });

export const EXCEL_NUMBER_TEXT: LocalizedText = {
  'zh-CN': 'Excel 把它存成了数字并改动了它：请把这一列设为文本格式后重新输入',
  en: 'Excel stored this as a number and changed it: format the column as text and type it again',
};

const E_NOTATION = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/** What a cell shows, for an issue's "value found" (cut to 50 characters). */
export function cellDisplay(raw: GridCell): string | null {
  if (raw === null || raw === undefined) return null;
  const text = typeof raw === 'string' ? raw : String(raw);
  const chars = Array.from(text);
  return chars.length > 50 ? `${chars.slice(0, 49).join('')}…` : text;
}

/**
 * A text cell without what a CSV export put around it: `="…"` (a code kept as text by Excel)
 * becomes what is inside, a `'` guarding a leading `= + - @` (or tab, CR, or the full-width
 * ＝ ＋ － ＠ the export guards too) is dropped.
 */
export function withoutCsvArtefacts(text: string): string {
  const formula = /^="(.*)"$/s.exec(text);
  if (formula) return formula[1].replace(/""/g, '"');
  if (/^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) return text.slice(1);
  return text;
}

/** The cell's text (numbers as JavaScript writes them), trimmed, or null when empty. */
function textOf(raw: GridCell): string | null {
  if (raw === null || raw === undefined) return null;
  const text = typeof raw === 'string' ? withoutCsvArtefacts(raw).trim() : String(raw);
  return text === '' ? null : text;
}

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Excel serial → 'YYYY-MM-DD' (the 1900 system counts a 29 February 1900 that never was). */
export function excelSerialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A written date: 2020-1-5, 2020/01/05, 2020.1.5, 2020年1月5日, 20200105 (a time after it is ignored). */
export function writtenDate(text: string): string | null {
  const folded = text.normalize('NFKC').trim();
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(folded);
  if (parts) return calendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(folded);
  if (compact) return calendarDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
}

/** A number written as text: full-width digits, thousands separators and a unit after it allowed (not 万, 亿 or %). */
export function writtenNumber(text: string): number | null {
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  const parts = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([^\d.,%万亿千百]*)$/.exec(folded);
  if (!parts) return null;
  const number = Number(parts[1].replace(/,/g, ''));
  return Number.isFinite(number) ? number : null;
}

const YES = new Set(['是', 'y', 'yes', 'true', '√', '✓', '✔', '有', '对', 't', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '×', '✗', '✘', 'x', '无', '没有', '错', 'f', '0']);

/** Names a coordinate system cell may hold, besides the option labels and codes. */
const SYSTEM_NAMES: Record<CoordinateSystem, readonly string[]> = {
  wgs84: ['wgs84', 'wgs-84', 'gps', '天地图', 'tianditu', 'cgcs2000'],
  gcj02: ['gcj02', 'gcj-02', '高德', '高德地图', '腾讯', '腾讯地图', '火星坐标', 'amap', 'tencent', '国测局'],
  bd09: ['bd09', 'bd-09', 'bd09ll', '百度', '百度地图', 'baidu', '百度bd-09', 'baidubd-09'],
};

function choiceLabels(column: SheetColumn, locale: 'zh-CN' | 'en'): string {
  return (column.options ?? []).map((option) => option.label[locale]).join(locale === 'zh-CN' ? '、' : ', ');
}

function matchOption(column: SheetColumn, text: string): string | undefined {
  const wanted = fold(text);
  const options = column.options ?? [];
  return (
    options.find((option) => fold(option.value) === wanted || fold(option.label['zh-CN']) === wanted || fold(option.label.en) === wanted)?.value ??
    (column.key === 'location.system' ? (COORDINATE_SYSTEMS as readonly CoordinateSystem[]).find((system) => SYSTEM_NAMES[system].includes(wanted)) : undefined)
  );
}

function notAnOption(column: SheetColumn, text: string): CellValue {
  return problem('cell.invalid_choice', {
    'zh-CN': `“${cellDisplay(text)}”不是可选的值：可填 ${choiceLabels(column, 'zh-CN')}`,
    en: `“${cellDisplay(text)}” is not one of the choices: ${choiceLabels(column, 'en')}`,
  });
}

const SEPARATORS = new Set(['、', '，', ',', ';', '；', '/', '／', '\n', '\r']);
const OPENING = new Set(['(', '（', '[', '【', '〔']);
const CLOSING = new Set([')', '）', ']', '】', '〕']);

/**
 * Splits a multi-value cell on 、，,;；/ and line breaks, except inside brackets: an option may
 * hold them itself (重度肢体残疾（一、二级）, 餐饮（烹饪、面点）).
 */
export function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (OPENING.has(char)) depth++;
    else if (CLOSING.has(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.has(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Digits a phone number has lost to Excel: a number other than an intact mobile or 400/800 number, or a landline without its 0. */
function phoneDamaged(raw: GridCell, text: string): boolean {
  const intact = /^(1[3-9]\d{9}|[48]00\d{7})$/;
  if (typeof raw === 'number') return !Number.isInteger(raw) || !intact.test(String(raw));
  if (E_NOTATION.test(text)) return true;
  return /^[2-9]\d{8,10}$/.test(text) && !intact.test(text);
}

/** A division code arriving as a number is intact when it has its 6 or 12 digits. */
function regionCodeDamaged(raw: GridCell, text: string): boolean {
  if (typeof raw === 'number') return !Number.isInteger(raw) || !/^(\d{6}|\d{12})$/.test(String(raw));
  return E_NOTATION.test(text);
}

/** One cell as its column's value in the request body. */
export function readCell(raw: GridCell, column: SheetColumn, options: { date1904: boolean }): CellValue {
  const text = textOf(raw);
  if (text === null) return ABSENT;
  if (Array.from(text).length > IMPORT_LIMITS.maxCellChars) {
    return problem('cell.too_long', {
      'zh-CN': `单元格内容过长：最多 ${IMPORT_LIMITS.maxCellChars} 个字符`,
      en: `The cell is too long: at most ${IMPORT_LIMITS.maxCellChars} characters`,
    });
  }
  switch (column.key) {
    case 'operator.creditCode':
      if (typeof raw === 'number' || E_NOTATION.test(text)) return problem('cell.excel_number', EXCEL_NUMBER_TEXT);
      return value(text.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
    case 'contact.phone':
      if (phoneDamaged(raw, text)) return problem('cell.excel_number', EXCEL_NUMBER_TEXT);
      return value(text.normalize('NFKC').trim());
    case 'regionCode':
      if (regionCodeDamaged(raw, text)) return problem('cell.excel_number', EXCEL_NUMBER_TEXT);
      return value(text.normalize('NFKC').replace(/\s+/g, ''));
    default:
      break;
  }
  switch (column.type) {
    case 'integer':
    case 'number': {
      if (typeof raw === 'number') return value(raw);
      const number = writtenNumber(text);
      return number === null
        ? problem('cell.invalid_number', { 'zh-CN': `“${cellDisplay(text)}”不是数字：请只填数字（如 12）`, en: `“${cellDisplay(text)}” is not a number: give digits only (e.g. 12)` })
        : value(number);
    }
    case 'date': {
      const date = typeof raw === 'number' ? excelSerialDate(raw, options.date1904) : writtenDate(text);
      return date === null
        ? problem('cell.invalid_date', { 'zh-CN': `“${cellDisplay(text)}”不是有效日期：请写成 2020-01-05 的形式`, en: `“${cellDisplay(text)}” is not a valid date: write it as 2020-01-05` })
        : value(date);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return value(raw);
      const folded = fold(text);
      if (YES.has(folded)) return value(true);
      if (NO.has(folded)) return value(false);
      return problem('cell.invalid_boolean', { 'zh-CN': `“${cellDisplay(text)}”无法识别：请填“是”或“否”`, en: `“${cellDisplay(text)}” is not understood: give Yes or No` });
    }
    case 'choice': {
      const option = matchOption(column, text);
      return option === undefined ? notAnOption(column, text) : value(option);
    }
    case 'multi-choice': {
      const chosen: string[] = [];
      for (const part of splitList(text)) {
        const option = matchOption(column, part);
        if (option === undefined) return notAnOption(column, part);
        chosen.push(option);
      }
      return chosen.length ? value(chosen) : ABSENT;
    }
    case 'list': {
      const parts = splitList(text);
      return parts.length ? value(parts) : ABSENT;
    }
    default:
      return value(typeof raw === 'boolean' ? (raw ? '是' : '否') : text);
  }
}
