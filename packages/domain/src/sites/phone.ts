/**
 * Chinese telephone numbers as a contact field: mobile (11 digits starting 13–19), landline with
 * area code (0 + 2–3 digits, then 7–8 digits, optional extension), or a 400/800 service number.
 * An optional +86 / 0086 prefix, spaces and hyphens are accepted and normalised away.
 */
const MOBILE = /^1[3-9]\d{9}$/;
/** Area codes are 0 + 10, 2x or a 3-digit code not starting with 0; local numbers never start with 0. */
const LANDLINE = /^0[1-9]\d{1,2}[1-9]\d{6,7}$/;
const SERVICE = /^[48]00\d{7}$/;
/** A number whose part after the prefix is one digit repeated (0431-00000000, 400-0000000) is a placeholder. */
const PLACEHOLDER = /^(?:0[1-9]\d{1,2}|[48]00)(\d)\1{6,7}$/;
/** A mobile whose last eight digits are one digit repeated (13000000000, 13333333333, 19999999999) is a placeholder too. */
const MOBILE_PLACEHOLDER = /^1[3-9]\d(\d)\1{7}$/;

export function normalizePhone(input: string): { digits: string; extension: string | null } {
  let text = input.trim().replace(/[\s()（）]/g, '');
  let extension: string | null = null;
  const ext = /(?:转|ext\.?|x|-)(\d{1,6})$/i.exec(text);
  text = text.replace(/^(\+86|0086)-?/, '');
  const digitsOnly = text.replace(/-/g, '');
  if (ext && !MOBILE.test(digitsOnly) && !LANDLINE.test(digitsOnly) && !SERVICE.test(digitsOnly)) {
    extension = ext[1]!;
    text = text.slice(0, ext.index);
  }
  return { digits: text.replace(/-/g, ''), extension };
}

/**
 * The one way a valid number is stored and shown, or null when it is not valid:
 * - a mobile as its 11 digits (`13912345678`; a mobile has no extension);
 * - a landline as area code, one hyphen, local number, then `-extension` if any
 *   (`0431-88881234`, `010-12345678-806`): 010 and 02x are the 3-digit area codes, every other
 *   area code has 4 digits;
 * - a 400/800 number as its 10 digits, then `-extension` if any.
 * A number typed with a separator at either end or two in a row (`--13800138000`,
 * `0431-6238761-`) is refused rather than guessed at: a trailing hyphen may be an extension cut off.
 */
export function canonicalPhone(input: string): string | null {
  const text = input.trim();
  if (text.length > 30 || !/^[\d\s+()（）\-转extEXT.]+$/.test(text)) return null;
  const separators = text.replace(/\s*-\s*/g, '-');
  if (/^-|-$|--/.test(separators) || /^\+?[\s(（]*$/.test(text)) return null;
  const { digits, extension } = normalizePhone(text);
  if (PLACEHOLDER.test(digits) || MOBILE_PLACEHOLDER.test(digits)) return null;
  const ext = extension ? `-${extension}` : '';
  if (MOBILE.test(digits)) return extension ? null : digits;
  if (SERVICE.test(digits)) return `${digits}${ext}`;
  if (LANDLINE.test(digits)) {
    const area = digits.startsWith('01') || digits.startsWith('02') ? 3 : 4;
    const local = digits.slice(area);
    return /^[1-9]\d{6,7}$/.test(local) ? `${digits.slice(0, area)}-${local}${ext}` : null;
  }
  return null;
}

export function isValidPhone(input: string): boolean {
  return canonicalPhone(input) !== null;
}
