import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../schemas/accounts.js';
import { UNIT_COLUMNS, ancestorColumnOf, jurisdictionOf, liesInside, unitColumnOf, withinJurisdiction } from './jurisdiction.js';

const account = (role: AccountSummary['role'], regionCode: string | null): AccountSummary => ({ id: 'x', username: 'x', displayName: 'x', role, regionCode, active: true, mustChangePassword: false });
const nanguanSite = { provinceCode: '220000', prefectureCode: '220100', countyCode: '220102' };
const chaoyangBeijing = { provinceCode: '110000', prefectureCode: null, countyCode: '110105' };

describe('jurisdiction', () => {
  it('binds each role to its unit', () => {
    expect(jurisdictionOf(account('admin', null), null)).toEqual({ kind: 'national' });
    expect(jurisdictionOf(account('province', '220000'), { level: 1, type: 'province' })).toEqual({ kind: 'unit', column: 'provinceCode', code: '220000' });
    expect(jurisdictionOf(account('prefecture', '220100'), { level: 2, type: 'prefecture-city' })).toEqual({ kind: 'unit', column: 'prefectureCode', code: '220100' });
    expect(jurisdictionOf(account('prefecture', '110000'), { level: 1, type: 'municipality' })).toEqual({ kind: 'unit', column: 'provinceCode', code: '110000' });
    expect(jurisdictionOf(account('district', '220102'), { level: 3, type: 'district' })).toEqual({ kind: 'unit', column: 'countyCode', code: '220102' });
  });

  it('contains exactly the records inside the unit', () => {
    expect(withinJurisdiction({ kind: 'unit', column: 'countyCode', code: '220102' }, nanguanSite)).toBe(true);
    expect(withinJurisdiction({ kind: 'unit', column: 'countyCode', code: '220104' }, nanguanSite)).toBe(false);
    expect(withinJurisdiction({ kind: 'unit', column: 'prefectureCode', code: '220100' }, nanguanSite)).toBe(true);
    expect(withinJurisdiction({ kind: 'unit', column: 'prefectureCode', code: '220200' }, nanguanSite)).toBe(false);
    expect(withinJurisdiction({ kind: 'unit', column: 'provinceCode', code: '110000' }, chaoyangBeijing)).toBe(true);
    expect(withinJurisdiction({ kind: 'national' }, chaoyangBeijing)).toBe(true);
  });

  it('gives an account without a fitting unit nothing', () => {
    const scope = jurisdictionOf(account('district', null), null);
    expect(withinJurisdiction(scope, nanguanSite)).toBe(false);
  });

  it('gives an admin everything, and a unit account without a unit or of a township level nothing', () => {
    expect(jurisdictionOf(account('admin', '220000'), { level: 1, type: 'province' })).toEqual({ kind: 'national' });
    expect(withinJurisdiction(jurisdictionOf(account('province', '220000'), null), nanguanSite)).toBe(false);
    expect(withinJurisdiction(jurisdictionOf(account('prefecture', '220102001'), { level: 4, type: 'subdistrict' }), nanguanSite)).toBe(false);
  });

  it('counts a unit as inside its own jurisdiction', () => {
    expect(withinJurisdiction({ kind: 'unit', column: 'countyCode', code: '220102' }, { code: '220102', provinceCode: '220000', prefectureCode: '220100', countyCode: null })).toBe(true);
  });
});

describe('unit columns', () => {
  it('maps each level to the column holding a unit of that level', () => {
    expect([1, 2, 3, 4].map((level) => unitColumnOf(level)?.column)).toEqual(['province_code', 'prefecture_code', 'county_code', 'township_code']);
    expect([1, 2, 3, 4].map((level) => unitColumnOf(level)?.property)).toEqual(['provinceCode', 'prefectureCode', 'countyCode', 'townshipCode']);
    expect(unitColumnOf(5)).toBeUndefined();
    expect(ancestorColumnOf(3)).toBe(UNIT_COLUMNS[3]);
    expect(ancestorColumnOf(4)).toBeUndefined();
  });
});

describe('liesInside', () => {
  const nanguan = { code: '220102', provinceCode: '220000', prefectureCode: '220100', countyCode: null };
  it('is true for an ancestor, false for itself and for another unit', () => {
    expect(liesInside(nanguan, '220100')).toBe(true);
    expect(liesInside(nanguan, '220000')).toBe(true);
    expect(liesInside(nanguan, '220102')).toBe(false);
    expect(liesInside(nanguan, '220200')).toBe(false);
  });
});
