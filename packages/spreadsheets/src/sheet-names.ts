/**
 * Worksheet names as Excel accepts them: at most 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, not blank, not 'History' (reserved), and unique in the workbook
 * without regard to case. A name that breaks a rule is mended rather than refused: a sheet per
 * kind or per target takes its name from data.
 */
export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

export class SheetNames {
  private readonly taken = new Set<string>();

  /** `wanted` mended into a legal name not used yet in this workbook (then counted as used). */
  take(wanted: string): string {
    const base = mend(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n += 1) {
      const suffix = ` (${n})`;
      name = cut(base, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

function mend(wanted: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = wanted.replace(FORBIDDEN, '_').replace(/[\u0000-\u001f]/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  return cut(cleaned || 'Sheet', MAX_SHEET_NAME_LENGTH);
}

/** The first `max` UTF-16 units (Excel's count), never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).replace(/'+$/, '');
}
