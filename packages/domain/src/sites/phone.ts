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

export function isValidPhone(input: string): boolean {
  if (!/^[\d\s+()（）\-转extEXT.]+$/.test(input.trim()) || input.length > 30) return false;
  const { digits } = normalizePhone(input);
  if (PLACEHOLDER.test(digits)) return false;
  return MOBILE.test(digits) || LANDLINE.test(digits) || SERVICE.test(digits);
}
