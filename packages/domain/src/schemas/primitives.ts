import { z } from 'zod';
import { localizedIssue } from '../errors/zod-issues.js';
import type { LocalizedText } from '../errors/localized.js';

/**
 * The one definition of what text and dates the product accepts. Every schema through which a
 * string enters (site fields, kinds' fields, targets, accounts, sign-in, search queries, reasons)
 * is built from these, so a NUL, a lone surrogate or an impossible date is a 400 at the edge and
 * never reaches the database (where it was a 500).
 */

/**
 * Never accepted in any text: C0 controls except tab and line feed, DEL, C1 controls, the Unicode
 * line and paragraph separators (they break JSON-in-JS, CSV and log lines), every bidirectional
 * control — embeddings, overrides, isolates and the marks LRM U+200E, RLM U+200F and ALM U+061C
 * (they reorder or hide what a reader sees: "Trojan source"; Chinese and English text never needs
 * them) —, a U+FEFF inside the text (a byte order mark pasted in the middle; at either end it is
 * trimmed), and the noncharacters of every plane (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF: reserved for
 * a program's own use, never interchanged).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
const NEVER_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\p{Bidi_Control}\p{Noncharacter_Code_Point}]/u;
/** With the `u` flag only an unpaired surrogate is a code point in this range. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const TAB_OR_LINE_FEED = /[\t\n]/;
/**
 * Nothing a reader can read: whitespace, zero-width and other default-ignorable characters, format
 * characters, the braille blank, combining marks with nothing to combine with, and private-use
 * characters (no meaning outside the program that assigned one).
 *
 * Private-use characters are refused only when they are all there is, not anywhere: Chinese
 * systems built on GB 18030-2000 (and some input methods still) map rare characters — found in
 * people's and places' names — to the private-use area, so an operator's or contact's name may
 * legitimately carry one among ordinary characters. Text made only of them shows as boxes to
 * everyone else and says nothing.
 */
const INVISIBLE_ONLY = /^[\s\p{Z}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\p{M}\p{Co}]*$/u;

export const TEXT_PROBLEMS = {
  control: {
    'zh-CN': '不能包含控制字符、文字方向控制符、字符中间的 BOM（U+FEFF）、非字符码位或 Unicode 行/段分隔符',
    en: 'Must not contain control characters, bidirectional controls or marks, a byte order mark (U+FEFF) inside the text, noncharacters or Unicode line/paragraph separators',
  },
  lineBreak: { 'zh-CN': '不能包含换行符或制表符', en: 'Must not contain line breaks or tabs' },
  surrogate: { 'zh-CN': '包含无效的字符编码（孤立的代理项）', en: 'Contains an invalid character encoding (a lone surrogate)' },
  invisible: {
    'zh-CN': '不能只包含空白、不可见字符、单独的组合符号或私用区字符',
    en: 'Must not be only blank or invisible characters, lone combining marks or private-use characters',
  },
} as const satisfies Record<string, LocalizedText>;

export type TextProblem = keyof typeof TEXT_PROBLEMS;

/**
 * What is wrong with a text, or null. `multiLine` allows tab and line feed (a carriage return is
 * normalised away by the schemas before this check). Empty text is not a problem here: lengths
 * are the schema's business.
 */
export function textProblem(value: string, options: { multiLine?: boolean } = {}): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  if (NEVER_IN_TEXT.test(value)) return 'control';
  if (!options.multiLine && (TAB_OR_LINE_FEED.test(value) || value.includes('\r'))) return 'lineBreak';
  if (value.length > 0 && INVISIBLE_ONLY.test(value)) return 'invisible';
  return null;
}

function safe(multiLine: boolean) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const problem = textProblem(value, { multiLine });
    if (!problem) return;
    const messages = TEXT_PROBLEMS[problem];
    // Aborts: a refused character is the one thing to say about this value.
    ctx.addIssue({ code: 'custom', message: messages.en, params: { messages, problem }, continue: false });
  };
}

const tooShort = (min: number) =>
  localizedIssue({ 'zh-CN': min <= 1 ? '不能为空' : `至少 ${min} 个字符`, en: min <= 1 ? 'Must not be empty' : `At least ${min} characters` });
const tooLong = (max: number) => localizedIssue({ 'zh-CN': `最多 ${max} 个字符`, en: `At most ${max} characters` });

/** A single line of text: trimmed, `min`–`max` characters, nothing invisible-only or unsafe, no line breaks or tabs. */
export function singleLineText(min: number, max: number) {
  return z.string().trim().superRefine(safe(false)).min(min, tooShort(min)).max(max, tooLong(max));
}

/** Free text over several lines: CR LF and CR become LF; tab and LF allowed; otherwise as `singleLineText`. */
export function multiLineText(min: number, max: number) {
  return z
    .string()
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .trim()
    .superRefine(safe(true))
    .min(min, tooShort(min))
    .max(max, tooLong(max));
}

/** A search term in a query string (`q`): one line, 1–`max` characters. */
export const searchText = (max = 50) => singleLineText(1, max);

/** An identifier of a fixed shape: the message says what the shape is, never the pattern. */
export function patternText(pattern: RegExp, messages: LocalizedText, max = 64) {
  return z.string().max(max, tooLong(max)).regex(pattern, localizedIssue(messages));
}

/**
 * A record's version as a client echoes it: a positive whole number that fits the database's
 * integer column (2³¹−1), so that no value the column cannot hold reaches a query.
 */
export const versionNumber = () =>
  z
    .number()
    .int()
    .min(1)
    .max(2_147_483_647, localizedIssue({ 'zh-CN': '版本号过大', en: 'The version number is too large' }));

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * A calendar date written YYYY-MM-DD that exists (no 2025-02-30, no 9999-99-99), between
 * `min` and `max` (1900-01-01 … 2100-12-31 unless told). Published as `format: date`.
 */
export function calendarDate(range: { min?: string; max?: string } = {}) {
  const min = range.min ?? EARLIEST_DATE;
  const max = range.max ?? LATEST_DATE;
  return z.iso
    .date({ ...localizedIssue({ 'zh-CN': '请填写 YYYY-MM-DD 格式的有效日期', en: 'Give a valid date written YYYY-MM-DD' }), abort: true })
    .refine((value) => value >= min && value <= max, { ...localizedIssue({ 'zh-CN': `日期应在 ${min} 至 ${max} 之间`, en: `The date must be between ${min} and ${max}` }), abort: true });
}

export const EARLIEST_INSTANT = `${EARLIEST_DATE}T00:00:00.000Z`;
export const LATEST_INSTANT = `${LATEST_DATE}T23:59:59.999Z`;

/** The calendar day written at the start of an ISO 8601 timestamp exists (no 2025-02-30T…). */
function dayExists(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The one definition of an instant the product accepts (query parameters such as `before` and
 * `since`): ISO 8601 with a zone (`Z` or ±hh:mm), a day that exists, and — once its offset is
 * applied — between 1900-01-01T00:00:00Z and 2100-12-31T23:59:59.999Z (like `calendarDate`).
 * The value comes out normalised to UTC (`2026-01-02T03:04:05.000Z`), so no impossible or
 * out-of-range instant ever reaches a query. Published as `format: date-time`.
 */
export function instant() {
  const invalid = localizedIssue({ 'zh-CN': '请填写带时区的有效时间，例如 2026-01-02T03:04:05Z', en: 'Give a valid instant with its zone, e.g. 2026-01-02T03:04:05Z' });
  return z.iso
    .datetime({ offset: true, ...invalid, abort: true })
    .refine((value) => dayExists(value) && Number.isFinite(Date.parse(value)), { ...invalid, abort: true })
    .refine(
      (value) => {
        const at = new Date(value).toISOString();
        return at >= EARLIEST_INSTANT && at <= LATEST_INSTANT;
      },
      { ...localizedIssue({ 'zh-CN': `时间应在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间`, en: `The instant must be between ${EARLIEST_DATE} and ${LATEST_DATE}` }), abort: true },
    )
    .overwrite((value) => new Date(value).toISOString());
}

/** A text in both languages, as the API returns it. */
export const localizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() }) satisfies z.ZodType<LocalizedText>;
