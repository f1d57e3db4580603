// Self-check of the unit-type rules: node --test seeds/generator/unit-type.test.mjs
// (or: node seeds/generator/unit-type.test.mjs). Cases are real rows of NBS 2023.
import fs from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unitType, isStatisticalOnly, TYPES } from './unit-type.mjs';

const cases = [
  // level 1
  [1, '110000', '北京市', 'municipality'],
  [1, '500000', '重庆市', 'municipality'],
  [1, '220000', '吉林省', 'province'],
  [1, '450000', '广西壮族自治区', 'autonomous-region'],
  [1, '810000', '香港特别行政区', 'sar'],
  [1, '820000', '澳门特别行政区', 'sar'],
  [1, '710000', '台湾省', 'province'],
  // level 2
  [2, '220100', '长春市', 'prefecture-city'],
  [2, '222400', '延边朝鲜族自治州', 'autonomous-prefecture'],
  [2, '152200', '兴安盟', 'league'],
  [2, '232700', '大兴安岭地区', 'prefecture'],
  [2, '441900', '东莞市', 'prefecture-city'],
  // level 3
  [3, '220102', '南关区', 'district'],
  [3, '140109', '万柏林区', 'district'], // ends 林区 but is a district
  [3, '610103', '碑林区', 'district'],
  [3, '232763', '新林区', 'district'],
  [3, '429021', '神农架林区', 'forestry-district'],
  [3, '520203', '六枝特区', 'special-district'],
  [3, '220122', '农安县', 'county'],
  [3, '220323', '伊通满族自治县', 'autonomous-county'],
  [3, '469025', '白沙黎族自治县', 'autonomous-county'],
  [3, '220182', '榆树市', 'county-city'],
  [3, '419001', '济源市', 'county-city'],
  [3, '150521', '科尔沁左翼中旗', 'banner'],
  [3, '150724', '鄂温克族自治旗', 'autonomous-banner'],
  [3, '130171', '石家庄高新技术产业开发区', 'development-zone'],
  [3, '130672', '保定白沟新城', 'development-zone'], // zone not ending in 区
  [3, '152571', '乌拉盖管理区管委会', 'development-zone'],
  [3, '441900', '东莞市', 'city-without-county', { prefectureName: '东莞市' }],
  [3, '620201', '嘉峪关市', 'city-without-county', { prefectureName: '嘉峪关市' }],
  [3, '620902', '肃州区', 'district', { prefectureName: '酒泉市' }],
  [3, '232761', '加格达奇区', 'district'],
  [3, '460321', '西沙群岛', 'district'], // 西沙区 since 2020
  [3, '460323', '中沙群岛的岛礁及其海域', 'district'],
  [3, '632857', '大柴旦行政委员会', 'county'],
  // level 4 (9-digit and 12-digit codes)
  [4, '220102001', '南岭街道', 'subdistrict'],
  [4, '220102001000', '南岭街道', 'subdistrict'],
  [4, '110105021', '南磨房地区', 'subdistrict'], // Beijing 地区办事处
  [4, '231181001', '兆麟街道地区', 'subdistrict'],
  [4, '420112001', '吴家山街', 'subdistrict'],
  [4, '620822001', '城市社区管理委员会地区', 'subdistrict'],
  [4, '220122100', '农安镇', 'town'],
  [4, '411525106', '胡族铺镇', 'town'],
  [4, '211481103', '沙后所满族镇', 'town'], // ethnic towns are towns
  [4, '220122200', '前岗乡', 'township'],
  [4, '150924210', '民族团结乡', 'township'], // contains 民族 but is not a 民族乡
  [4, '232721204', '白银纳鄂伦春族民族乡', 'ethnic-township'],
  [4, '232722200', '十八站鄂伦春族乡', 'ethnic-township'],
  [4, '150205202', '吉忽伦图苏木', 'sumu'],
  [4, '150725201', '鄂温克民族苏木', 'ethnic-sumu'],
  [4, '130271450', '新华路街道', 'zone'], // a 街道 coded as a zone (7th digit 4)
  [4, '460321451', '永兴', 'zone'],
  [4, '220106400', '绿园经济开发区', 'zone'],
  [4, '130171010', '长江街道', 'subdistrict'], // a real 街道 inside a development zone
  [4, '230803198', '向阳区直辖村级区划', 'other'],
  [4, '350527000', '金门县', 'other'],
];

test('unit types of tricky rows', () => {
  for (const [level, code, name, want, ctx] of cases) {
    assert.equal(unitType(level, code, name, ctx), want, `${code} ${name}`);
    assert.ok(TYPES[level].includes(want), `${want} is a level-${level} slug`);
  }
});

test('statistical-only flag', () => {
  assert.equal(isStatisticalOnly(3, '130171'), true);
  assert.equal(isStatisticalOnly(3, '232761'), false); // 加格达奇区: 5th digit 6
  assert.equal(isStatisticalOnly(3, '220102'), false);
  assert.equal(isStatisticalOnly(4, '460321451'), true);
  assert.equal(isStatisticalOnly(4, '460321451000'), true);
  assert.equal(isStatisticalOnly(4, '220102001000'), false);
  assert.equal(isStatisticalOnly(4, '321003350000'), false); // 平山乡, 7th digit 3: still a 乡
  assert.equal(isStatisticalOnly(1, '110000'), false);
  assert.equal(isStatisticalOnly(2, '220100'), false);
});

test('rows of levels 1-3 that fit no rule are refused, not guessed', () => {
  assert.throws(() => unitType(1, '990000', '某某'));
  assert.throws(() => unitType(2, '990100', '某某'));
  assert.throws(() => unitType(3, '990101', '某某群岛'));
});

const DOMAIN_TYPES = new URL('../../packages/domain/src/regions/region-types.ts', import.meta.url);

test('the slugs are those of packages/domain REGION_TYPES (the seeder refuses others)', (t) => {
  if (!fs.existsSync(DOMAIN_TYPES)) return t.skip('packages/domain not beside seeds/');
  const src = fs.readFileSync(DOMAIN_TYPES, 'utf8');
  const block = src.slice(src.indexOf('export const REGION_TYPES'), src.indexOf('} as const'));
  const domain = {};
  for (const [, level, list] of block.matchAll(/(\d):\s*\[([^\]]*)\]/g)) {
    domain[level] = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  }
  assert.deepEqual(domain, { 1: TYPES[1], 2: TYPES[2], 3: TYPES[3], 4: TYPES[4] });
});
