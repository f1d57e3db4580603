import { FILE_FAILURE_CODES, type ImportFailure, type LocalizedText } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';

/**
 * The reader's refusals of a whole file, each saying what was wrong and what to do, in both
 * languages, with the limit (IMPORT_LIMITS) where one applies.
 */
export type FileFailureCode = (typeof FILE_FAILURE_CODES)[number];

const MB = (bytes: number) => Math.round(bytes / (1024 * 1024));
const n = (value: number) => value.toLocaleString('en-US');
/** At most `max` items of a list, then "…". */
const some = (items: readonly string[], max = 20) => (items.length > max ? [...items.slice(0, max), '…'] : items).join(', ');

type Detail = { lying?: boolean; sheet?: string; rows?: number; columns?: number; entries?: number; cells?: string[]; ranges?: string[]; reason?: string; encoding?: string };

const ACCEPTED: LocalizedText = { 'zh-CN': '可导入 .xlsx、.xls 和 .csv 文件', en: 'we accept .xlsx, .xls and .csv files' };

const LYING_ZIP: LocalizedText = {
  'zh-CN': `文件内部的部件比它声明的大（恶意构造的压缩文件常见此特征，解压后上限 ${MB(IMPORT_LIMITS.maxUncompressedBytes)} MB）：请在 Excel 或 WPS 中另存为新的 .xlsx 后再导入`,
  en: `A part of the file unpacks to more than it declares (a sign of a hostile compressed file; the limit unpacked is ${MB(IMPORT_LIMITS.maxUncompressedBytes)} MB): save it as a new .xlsx in Excel or WPS and import that`,
};

const TEXTS: Record<Exclude<FileFailureCode, 'file.no_header' | 'file.missing_columns' | 'file.duplicate_columns' | 'file.wrong_kind'>, (d: Detail) => LocalizedText> = {
  'file.too_large': () => ({
    'zh-CN': `文件超过 ${MB(IMPORT_LIMITS.maxBytes)} MB：请拆分成多个文件后分别导入`,
    en: `The file is larger than ${MB(IMPORT_LIMITS.maxBytes)} MB: split it into several files and import each`,
  }),
  'file.not_spreadsheet': () => ({
    'zh-CN': `这不是电子表格文件：${ACCEPTED['zh-CN']}`,
    en: `This is not a spreadsheet: ${ACCEPTED.en}`,
  }),
  'file.unsupported_format': (d) => ({
    'zh-CN': `不支持${d.reason ?? '此'}格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入`,
    en: `The ${d.reason ?? 'file'} format is not supported: in Excel or WPS use “Save as” .xlsx and import that`,
  }),
  'file.password_protected': () => ({
    'zh-CN': '文件设有密码：请在 Excel 中打开，选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再导入',
    en: 'The file is password-protected: open it in Excel, choose File → Info → Protect Workbook → Encrypt with Password, clear the password, save and import again',
  }),
  'file.corrupt': (d) => ({
    'zh-CN': `文件已损坏或无法读取${d.reason ? `（${d.reason}）` : ''}：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入`,
    en: `The file is damaged or cannot be read${d.reason ? ` (${d.reason})` : ''}: open it in Excel or WPS, save it as .xlsx and import that`,
  }),
  'file.zip_bomb': (d) => (d.lying ? LYING_ZIP : {
    'zh-CN':
      d.entries !== undefined
        ? `文件内部包含 ${n(d.entries)} 个部件，超过上限 ${n(IMPORT_LIMITS.maxZipEntries)}：这不像普通的名单表格，请另存为只含名单的新工作簿后再导入`
        : `文件解压后超过 ${MB(IMPORT_LIMITS.maxUncompressedBytes)} MB：这不像普通的名单表格，请删除多余的工作表、图片和格式后再导入`,
    en:
      d.entries !== undefined
        ? `The file holds ${n(d.entries)} parts, more than the ${n(IMPORT_LIMITS.maxZipEntries)} allowed: this is not a plain list; save the list alone in a new workbook and import that`
        : `The file unpacks to more than ${MB(IMPORT_LIMITS.maxUncompressedBytes)} MB: this is not a plain list; remove extra sheets, pictures and formatting and import again`,
  }),
  'file.too_many_rows': (d) => ({
    'zh-CN': `工作表“${d.sheet ?? ''}”约有 ${n(d.rows ?? 0)} 行，每个文件最多导入 ${n(IMPORT_LIMITS.maxRows)} 行数据：请拆分成多个文件`,
    en: `Sheet “${d.sheet ?? ''}” has about ${n(d.rows ?? 0)} rows; a file may hold at most ${n(IMPORT_LIMITS.maxRows)} data rows: split it into several files`,
  }),
  'file.too_many_columns': (d) => ({
    'zh-CN': `工作表“${d.sheet ?? ''}”有 ${n(d.columns ?? 0)} 列，最多 ${n(IMPORT_LIMITS.maxColumns)} 列：请删除多余的列`,
    en: `Sheet “${d.sheet ?? ''}” has ${n(d.columns ?? 0)} columns, at most ${n(IMPORT_LIMITS.maxColumns)} are allowed: delete the extra columns`,
  }),
  'file.empty': (d) => ({
    'zh-CN': d.sheet ? `可见的工作表中没有数据（隐藏的工作表：${d.sheet}）：请取消隐藏名单所在的工作表后再导入` : '文件是空的：没有找到任何数据',
    en: d.sheet ? `The visible sheets hold no data (hidden sheets: ${d.sheet}): unhide the sheet holding the list and import again` : 'The file is empty: no data was found in it',
  }),
  'file.formulas': (d) => ({
    'zh-CN': `工作表“${d.sheet ?? ''}”含有公式（${some(d.cells ?? [])}）：请选中这些单元格，“复制 → 选择性粘贴 → 数值”后再导入；不需要导入的工作表可以删除`,
    en: `Sheet “${d.sheet ?? ''}” holds formulas (${some(d.cells ?? [])}): select those cells and use Copy → Paste Special → Values, then import again; a sheet you do not import may be deleted instead`,
  }),
  'file.merged_cells': (d) => ({
    'zh-CN': `工作表“${d.sheet ?? ''}”含有合并单元格（${some(d.ranges ?? [])}）：请取消合并，每行每格只填一个值后再导入（表头上方的标题行可以合并）`,
    en: `Sheet “${d.sheet ?? ''}” has merged cells (${some(d.ranges ?? [])}): unmerge them so that every row has one value per cell (title rows above the header may stay merged)`,
  }),
  'file.timeout': () => ({
    'zh-CN': `读取文件超过 ${IMPORT_LIMITS.maxParseSeconds} 秒：请删除多余的工作表和格式，或拆分成多个文件`,
    en: `Reading the file took longer than ${IMPORT_LIMITS.maxParseSeconds} seconds: remove extra sheets and formatting, or split it into several files`,
  }),
  'file.too_complex': () => ({
    'zh-CN': '文件过于复杂，读取时超出内存上限：请删除多余的工作表、图片和格式，或拆分成多个文件',
    en: 'The file is too complex to read within the memory limit: remove extra sheets, pictures and formatting, or split it into several files',
  }),
};

/** A refusal with its messages. */
export function fileFailure(code: keyof typeof TEXTS, detail: Detail = {}): ImportFailure {
  return { code, messages: TEXTS[code](detail) };
}

/** The encodings a CSV may be read in (GBK and GB2312 are read as GB18030, their superset). */
export const CSV_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type CsvReadEncoding = (typeof CSV_ENCODINGS)[number];
