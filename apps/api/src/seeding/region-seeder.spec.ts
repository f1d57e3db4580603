import { describe, expect, it } from 'vitest';
import { SeedFileError } from '../common/seed-file.js';
import { prepareRegions } from './region-seeder.js';

const columns = ['code', 'name', 'level', 'parent', 'type', 'statisticalOnly', 'lng', 'lat'];
type Row = [string, string, number, string | null, string, boolean, number | null, number | null];

function file(rows: Row[]) {
  return { columns, rows };
}
const province: Row = ['220000', '吉林省', 1, null, 'province', false, 126, 43];
const prefecture: Row = ['220100', '长春市', 2, '220000', 'prefecture-city', false, null, null];
const county: Row = ['220102', '南关区', 3, '220100', 'district', false, null, null];
const township: Row = ['220102001000', '南岭街道', 4, '220102', 'subdistrict', false, null, null];
const municipality: Row = ['110000', '北京市', 1, null, 'municipality', false, null, null];
const district: Row = ['110101', '东城区', 3, '110000', 'district', false, null, null];

describe('prepareRegions', () => {
  it('derives every ancestor and the child counts', () => {
    const regions = prepareRegions(file([province, prefecture, county, township, municipality, district]));
    const byCode = new Map(regions.map((r) => [r.code, r]));
    expect(byCode.get('220102001000')).toMatchObject({ provinceCode: '220000', prefectureCode: '220100', countyCode: '220102' });
    expect(byCode.get('220100')).toMatchObject({ provinceCode: '220000', prefectureCode: '220100', countyCode: null, childCount: 1 });
    expect(byCode.get('220000')?.childCount).toBe(1);
    expect(byCode.get('220102001000')?.childCount).toBe(0);
  });

  it('leaves the prefecture empty for a county directly under a municipality', () => {
    const regions = prepareRegions(file([municipality, district]));
    expect(regions.find((r) => r.code === '110101')).toMatchObject({ provinceCode: '110000', prefectureCode: null, countyCode: '110101' });
  });

  it.each<[string, Row[], RegExp]>([
    ['a missing parent', [province, county], /parent 220100 is not in the file/],
    ['a duplicate code', [province, province], /twice/],
    ['a type of another level', [province, ['220100', '长春市', 2, '220000', 'district', false, null, null]], /not a level-2 type/],
    ['a parent that is not above', [province, prefecture, ['220101', 'x', 2, '220100', 'prefecture-city', false, null, null]], /not above/],
    ['a non-province without parent', [['220100', '长春市', 2, null, 'prefecture-city', false, null, null]], /no parent/],
  ])('refuses %s', (_name, rows, message) => {
    expect(() => prepareRegions(file(rows))).toThrow(SeedFileError);
    expect(() => prepareRegions(file(rows))).toThrow(message);
  });

  it('refuses a file whose columns changed', () => {
    expect(() => prepareRegions({ columns: ['code', 'name'], rows: [] })).toThrow(/columns/);
  });
});
