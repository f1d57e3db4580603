import type { RegionLevel } from './region-types.js';

/**
 * Region codes: 6 digits (GB/T 2260) for levels 1–3, 12 digits (NBS statistical code) for
 * townships. A code of 6 digits ending in 0000 is a province, in 00 a prefecture.
 */
export const REGION_CODE_PATTERN = /^(\d{6}|\d{12})$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE_PATTERN.test(value);
}

/** The level a well-formed code implies by its shape (placeholder-free data keeps this true). */
export function levelOfCode(code: string): RegionLevel {
  if (code.length === 12) return 4;
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/** The province code (e.g. 220000) that a unit of any level belongs to. */
export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}
