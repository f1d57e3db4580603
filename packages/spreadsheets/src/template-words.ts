import { COORDINATE_SYSTEMS, type LocalizedText, type Locale, type SiteKindDefinition } from '@sitenet/domain';
import { IMPORT_LIMITS, SITE_FIELD_TEXTS } from '@sitenet/domain/schemas';

/** The template's own words (validation messages, the instructions sheet), each in both languages. */
export const TEMPLATE_WORDS = {
  templateTitle: { 'zh-CN': '导入模板', en: ' import template' },
  instructionsSheet: { 'zh-CN': '说明', en: 'Instructions' },
  required: { 'zh-CN': '必填', en: 'Required' },
  pickFromList: { 'zh-CN': '请从下拉列表中选择一项', en: 'Pick one of the values in the drop-down list' },
  numberBetween: { 'zh-CN': '请填写 {min} 到 {max} 之间的数字', en: 'Enter a number from {min} to {max}' },
  numberAtLeast: { 'zh-CN': '请填写不小于 {min} 的数字', en: 'Enter a number of at least {min}' },
  textTooLong: { 'zh-CN': '每个单元格最多 {max} 个字符', en: 'A cell holds at most {max} characters' },
  dateFormat: { 'zh-CN': '请按“年-月-日”填写日期，例如 2024-03-01', en: 'Enter a date as year-month-day, e.g. 2024-03-01' },
} satisfies Record<string, LocalizedText>;

/** How each coordinate system is named in the template: the form's option label (one text, in the domain). */
export const COORDINATE_SYSTEM_NOTES = {
  wgs84: SITE_FIELD_TEXTS.systemWgs84,
  gcj02: SITE_FIELD_TEXTS.systemGcj02,
  bd09: SITE_FIELD_TEXTS.systemBd09,
} satisfies Record<(typeof COORDINATE_SYSTEMS)[number], LocalizedText>;

const n = (value: number) => value.toLocaleString('en-US');

/** The instructions sheet, line by line (headings bold). */
export function instructionLines(kinds: SiteKindDefinition[], lang: Locale): { text: string; heading?: boolean }[] {
  const zh = lang === 'zh-CN';
  const kindNames = kinds.map((kind) => kind.labels[lang]).join(zh ? '、' : ', ');
  const limits = IMPORT_LIMITS;
  const lines: [string, string, boolean?][] = [
    [`网点导入模板：${kindNames}`, `Site import template: ${kindNames}`, true],
    ['', ''],
    ['填写步骤', 'Steps', true],
    ['1. 在对应网点类型的工作表中，从第 2 行起每行填写一个网点；不要修改、删除或移动第 1 行的表头。', '1. On the sheet of the site kind, enter one site per row from row 2 on; do not change, delete or move the header row (row 1).'],
    ['2. 表头带 * 的列必须填写。把鼠标停在表头上可以看到填写说明；有下拉箭头的列请从列表中选择。', '2. Columns whose header starts with * are required. Hover over a header to read how to fill it; pick the values of columns with a drop-down arrow from their list.'],
    ['3. 所在地区：填写区划代码，或者填写省、市、县（区）、乡镇（街道）名称（至少填到县（区）），可用全称或简称（如“南关区”“长春市南关区”）。', '3. Location: give the division code, or the province, prefecture, county and township names (down to the county at least), in full or short (e.g. 南关区, 长春市南关区).'],
    ['4. 统一社会信用代码、电话、区划代码等列已设为“文本”格式：请直接输入，不要改成数字格式，否则 Excel 会改掉其中的数字。', '4. The credit code, phone and division code columns are formatted as text: type them as they are and do not change the format to a number, or Excel alters their digits.'],
    ['5. 不要使用公式、合并单元格或隐藏行；保存为 .xlsx 后，在系统的“导入”页面上传，先检查、确认无误后再导入。', '5. Use no formulas, merged cells or hidden rows; save as .xlsx and upload it on the Import page, which checks every row before you commit.'],
    ['', ''],
    ['坐标', 'Coordinates', true],
    ['纬度、经度用小数度填写（例如 43.8868、125.3245），并在“坐标系”中选择取点所用的地图：', 'Latitude and longitude are decimal degrees (e.g. 43.8868, 125.3245); in “Coordinate system” pick the map the point was taken from:'],
    ...COORDINATE_SYSTEMS.map((system): [string, string] => [`· ${COORDINATE_SYSTEM_NOTES[system]['zh-CN']}`, `· ${COORDINATE_SYSTEM_NOTES[system].en}`]),
    ['坐标系留空按 WGS-84 处理。纬度和经度都留空时，使用所在乡镇（街道）或区县的中心点（位置粗略，请尽快补充）；只填其中一个是错误。', 'An empty coordinate system means WGS-84. With both latitude and longitude empty, the centre of the township or county is used (a rough position: add the real one soon); giving only one of them is an error.'],
    ['', ''],
    ['文件和限制', 'Files and limits', true],
    [`可上传 .xlsx、.xls 和 .csv 文件，不超过 ${Math.round(limits.maxBytes / (1024 * 1024))} MB；每个文件最多 ${n(limits.maxRows)} 行数据、${n(limits.maxColumns)} 列；每个单元格最多 ${n(limits.maxCellChars)} 个字符。`, `Upload .xlsx, .xls or .csv files of at most ${Math.round(limits.maxBytes / (1024 * 1024))} MB, with at most ${n(limits.maxRows)} data rows and ${n(limits.maxColumns)} columns; a cell holds at most ${n(limits.maxCellChars)} characters.`],
    ['CSV 文件可以是 UTF-8（带或不带 BOM）、GBK/GB18030（中文版 Excel 和 WPS 的默认编码）或 UTF-16（Excel 的“Unicode 文本”）。', 'CSV files may be UTF-8 (with or without BOM), GBK/GB18030 (the default of Chinese Excel and WPS) or UTF-16 (Excel’s “Unicode text”).'],
    ['设有密码的文件、含公式或合并单元格的表格会被拒绝，并说明原因。', 'Password-protected files and sheets with formulas or merged cells are refused with the reason.'],
  ];
  return lines.map(([zhText, enText, heading]) => ({ text: zh ? zhText : enText, ...(heading ? { heading } : {}) }));
}
