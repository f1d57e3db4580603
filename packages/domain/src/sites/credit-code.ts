/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V). Position 18 is a check character:
 * C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check];
}

/** Upper-cases and strips spaces, as people type codes from certificates. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Position 1 is the registering authority and position 2 the kind of organisation it registers
 * (GB 32100-2015 table 1 with its amendments): 1 机构编制 (11 机关, 12 事业单位, 13 群众团体, 19 其他),
 * 2 外交, 3 司法行政, 4 文化, 5 民政 (51 社会团体, 52 民办非企业单位/社会服务机构, 53 基金会, 59 其他),
 * 6 旅游, 7 宗教, 8 工会, 9 市场监管 (91 企业, 92 个体工商户, 93 农民专业合作社), A 军队, N 农业农村
 * (集体经济组织), Y 其他.
 */
const AUTHORITY_KINDS: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '1234569',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/** Positions 3–8: the registering authority's division code; its first two digits are a province (or 10, national). */
const PROVINCE_PREFIXES = new Set(['10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

/** What is wrong with a normalised code, or null: the shape, the authority and kind, the division, the check character. */
export function creditCodeProblem(input: string): 'shape' | 'authority' | 'division' | 'check' | null {
  const code = normalizeCreditCode(input);
  if (!SHAPE.test(code)) return 'shape';
  if (!AUTHORITY_KINDS[code[0]]?.includes(code[1])) return 'authority';
  if (!PROVINCE_PREFIXES.has(code.slice(2, 4))) return 'division';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}

/** True for a code of the right shape, a known authority and kind, a real province and the right check character. */
export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(input) === null;
}
