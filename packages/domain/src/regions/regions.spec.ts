import { describe, expect, it } from 'vitest';
import { regionListQuerySchema } from '../schemas/regions.js';
import { isRegionCode, levelOfCode, provinceCodeOf } from './region-code.js';
import { ALL_REGION_TYPES, COUNTY_AND_COUNTY_CITY_TYPES, REGION_TYPE_LABELS, REGION_TYPES, isRegionTypeOfLevel } from './region-types.js';

describe('region codes', () => {
  it('accepts 6- and 12-digit codes only', () => {
    expect(isRegionCode('220102')).toBe(true);
    expect(isRegionCode('220102001000')).toBe(true);
    for (const bad of ['22010', '2201020', '22010200100', '22A102', ' 220102', '']) expect(isRegionCode(bad)).toBe(false);
  });

  it('reads the level from the shape of the code', () => {
    expect(levelOfCode('220000')).toBe(1);
    expect(levelOfCode('220100')).toBe(2);
    expect(levelOfCode('220102')).toBe(3);
    expect(levelOfCode('220102001000')).toBe(4);
    expect(provinceCodeOf('220102001000')).toBe('220000');
  });
});

describe('region types', () => {
  it('has a label in both languages for every type', () => {
    for (const type of ALL_REGION_TYPES) {
      expect(REGION_TYPE_LABELS[type]['zh-CN'], type).toBeTruthy();
      expect(REGION_TYPE_LABELS[type].en, type).toBeTruthy();
    }
    expect(Object.keys(REGION_TYPE_LABELS).sort()).toEqual([...ALL_REGION_TYPES].sort());
  });

  it('keeps each type to one level', () => {
    expect(new Set(ALL_REGION_TYPES).size).toBe(ALL_REGION_TYPES.length);
    expect(isRegionTypeOfLevel('district', 3)).toBe(true);
    expect(isRegionTypeOfLevel('district', 2)).toBe(false);
  });

  it('counts counties and county-level cities but not urban districts or zones as 县(市)', () => {
    expect(COUNTY_AND_COUNTY_CITY_TYPES).toContain('county');
    expect(COUNTY_AND_COUNTY_CITY_TYPES).toContain('county-city');
    expect(COUNTY_AND_COUNTY_CITY_TYPES).not.toContain('district');
    expect(COUNTY_AND_COUNTY_CITY_TYPES).not.toContain('development-zone');
    expect(COUNTY_AND_COUNTY_CITY_TYPES.every((t) => (REGION_TYPES[3] as readonly string[]).includes(t))).toBe(true);
  });
});

describe('regionListQuerySchema', () => {
  it('coerces the limit and trims the search text', () => {
    expect(regionListQuerySchema.parse({ q: ' 南关 ', limit: '5' })).toEqual({ q: '南关', limit: 5 });
  });

  it('refuses unknown parameters, bad codes and out-of-range limits', () => {
    expect(regionListQuerySchema.safeParse({ sort: 'name' }).success).toBe(false);
    expect(regionListQuerySchema.safeParse({ parent: '2201' }).success).toBe(false);
    expect(regionListQuerySchema.safeParse({ q: '区', limit: '0' }).success).toBe(false);
    expect(regionListQuerySchema.safeParse({ q: '   ' }).success).toBe(false);
  });
});
