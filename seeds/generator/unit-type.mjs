// Unit type and statistical-only flag of an administrative division row, derived from its
// level, code and name (rules documented in seeds/README.md, "Unit types").
//
// Codes: levels 1-3 take the 6-digit GB/T 2260 code; level 4 takes the 9-digit township code of
// the statistical division codes or its 12-digit padded form (the 7th digit is the same in both).

/** The four 直辖市 (municipalities directly under the central government). */
export const MUNICIPALITY_PROVINCE_CODES = Object.freeze(['11', '12', '31', '50']);

/**
 * NBS prefecture rows that are only placeholders: 市辖区 / 县 under the municipalities and the
 * 省/自治区直辖县级行政区划 groups. They are not emitted; their counties hang under the province.
 */
export const PLACEHOLDER_PREFECTURE_CODES = Object.freeze([
  '1101', '1201', '3101', '5001', '5002', '4190', '4290', '4690', '6590',
]);

/** 林区: only 神农架林区. */
export const FORESTRY_DISTRICT_CODES = Object.freeze(['429021']);

// The slugs per level; identical to REGION_TYPES in packages/domain/src/regions/region-types.ts
// (the API's seeder refuses any other). Only level 4 has an `other`.
export const TYPES = Object.freeze({
  1: ['province', 'autonomous-region', 'municipality', 'sar'],
  2: ['prefecture-city', 'autonomous-prefecture', 'league', 'prefecture'],
  3: [
    'district', 'county', 'autonomous-county', 'county-city', 'banner', 'autonomous-banner',
    'forestry-district', 'special-district', 'development-zone', 'city-without-county',
  ],
  4: ['subdistrict', 'town', 'township', 'ethnic-township', 'sumu', 'ethnic-sumu', 'zone', 'other'],
});

/**
 * Level-3 rows whose name has none of the usual endings, typed by code:
 * - 460321 西沙群岛, 460322 南沙群岛: since 2020 the units on these codes are 三沙市's 西沙区 and
 *   南沙区 (天地图 names them so on the same codes); NBS 2023 still prints the old names.
 * - 460323 中沙群岛的岛礁及其海域: the third island group of 三沙市 (administered by 西沙区), a
 *   part of a city that has only districts; no polygon.
 * - 632857 大柴旦行政委员会: a county-level 行政委员会 of 海西州, governed as a county.
 */
export const NAMED_LEVEL3_TYPES = Object.freeze({
  460321: 'district',
  460322: 'district',
  460323: 'district',
  632857: 'county',
});

/** Level 3: the 5th digit of the code is 7 for the statistical development zones (e.g. 130171). */
export function isDevelopmentZoneCode(code) {
  return code.length === 6 && code[4] === '7';
}

/** Level 4: the 7th digit is 4 or 5 for zones, farms, 兵团 units and the like (类似乡级单位). */
export function isTownshipZoneCode(code) {
  return (code.length === 9 || code.length === 12) && (code[6] === '4' || code[6] === '5');
}

/** True for development zones (level 3) and zones/farms (level 4); false otherwise. */
export function isStatisticalOnly(level, code) {
  if (level === 3) return isDevelopmentZoneCode(code);
  if (level === 4) return isTownshipZoneCode(code);
  return false;
}

/**
 * @param {1|2|3|4} level
 * @param {string} code
 * @param {string} name  the name as published (trimmed by the caller)
 * @param {{ prefectureName?: string }} [ctx]  level 3: the name of the NBS prefecture row the
 *   county is listed under (a county-level row named exactly like its prefecture is the synthetic
 *   row of a prefecture city without counties: 东莞, 中山, 儋州, 嘉峪关)
 * @returns {string} a slug from TYPES[level]
 * @throws when a row of levels 1-3 fits no rule (new data must be looked at, not guessed)
 */
export function unitType(level, code, name, ctx = {}) {
  switch (level) {
    case 1:
      if (name.endsWith('特别行政区')) return 'sar';
      if (name.endsWith('自治区')) return 'autonomous-region';
      if (MUNICIPALITY_PROVINCE_CODES.includes(code.slice(0, 2))) return 'municipality';
      if (name.endsWith('省')) return 'province';
      break;
    case 2:
      if (name.endsWith('自治州')) return 'autonomous-prefecture';
      if (name.endsWith('盟')) return 'league';
      if (name.endsWith('地区')) return 'prefecture';
      if (name.endsWith('市')) return 'prefecture-city';
      break;
    case 3: {
      if (isDevelopmentZoneCode(code)) return 'development-zone';
      if (ctx.prefectureName && name === ctx.prefectureName) return 'city-without-county';
      if (name.endsWith('自治旗')) return 'autonomous-banner';
      if (name.endsWith('旗')) return 'banner';
      if (name.endsWith('自治县')) return 'autonomous-county';
      if (name.endsWith('县')) return 'county';
      if (name.endsWith('特区')) return 'special-district';
      // 神农架林区 (429021) is the only 林区 in the country. 万柏林区, 碑林区, 北林区, 金林区 and
      // 大兴安岭's 新林区 (232763, outside the 01-20 district range) are districts whose names
      // merely end in 林区: neither the name nor the code range tells them apart, so the
      // forestry district is named.
      if (FORESTRY_DISTRICT_CODES.includes(code) && name.endsWith('林区')) return 'forestry-district';
      if (name.endsWith('区')) return 'district';
      if (name.endsWith('市')) return 'county-city';
      if (Object.hasOwn(NAMED_LEVEL3_TYPES, code)) return NAMED_LEVEL3_TYPES[code];
      break;
    }
    case 4: {
      if (isTownshipZoneCode(code)) return 'zone';
      // Beijing's 地区办事处 (e.g. 南磨房地区) and 兆麟街道地区, 城市社区管理委员会地区 are coded
      // in the 街道 range 001-099 (7th digit 0).
      if (name.endsWith('街道') || name.endsWith('街')) return 'subdistrict';
      if (name.endsWith('地区') && code[6] === '0') return 'subdistrict';
      if (name.endsWith('族苏木')) return 'ethnic-sumu';
      if (name.endsWith('苏木')) return 'sumu';
      if (name.endsWith('族乡')) return 'ethnic-township'; // 民族乡 and 〇〇族乡
      if (name.endsWith('乡')) return 'township';
      if (name.endsWith('镇')) return 'town'; // incl. 满族镇, 回族镇: not a legal category of its own
      return 'other';
    }
    default:
      break;
  }
  throw new Error(`unitType: no type for level ${level} ${code} ${name}`);
}
