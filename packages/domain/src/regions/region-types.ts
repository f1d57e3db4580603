/**
 * Administrative units (行政区划) and their types.
 *
 * Levels follow GB/T 2260 and the NBS statistical division codes: 1 province-level (省级),
 * 2 prefecture-level (地级), 3 county-level (县级), 4 township-level (乡级). Target rules must
 * tell units apart by type, not only by level ("every 县(市)" excludes urban districts), so every
 * unit carries one of the types below. The seed generator derives them from the name's ending
 * and the code (seeds/README.md).
 */
export const REGION_LEVELS = [1, 2, 3, 4] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_TYPES = {
  1: ['province', 'autonomous-region', 'municipality', 'sar'],
  2: ['prefecture-city', 'autonomous-prefecture', 'league', 'prefecture'],
  3: [
    'district',
    'county',
    'autonomous-county',
    'county-city',
    'banner',
    'autonomous-banner',
    'forestry-district',
    'special-district',
    'development-zone',
    'city-without-county',
  ],
  4: ['subdistrict', 'town', 'township', 'ethnic-township', 'sumu', 'ethnic-sumu', 'zone', 'other'],
} as const satisfies Record<RegionLevel, readonly string[]>;

export type RegionType = (typeof REGION_TYPES)[RegionLevel][number];

export const ALL_REGION_TYPES: readonly RegionType[] = REGION_LEVELS.flatMap((level) => REGION_TYPES[level]);

/** zh-CN and English names of each unit type, for pickers, tables and rule descriptions. */
export const REGION_TYPE_LABELS: Record<RegionType, { 'zh-CN': string; en: string }> = {
  province: { 'zh-CN': '省', en: 'Province' },
  'autonomous-region': { 'zh-CN': '自治区', en: 'Autonomous region' },
  municipality: { 'zh-CN': '直辖市', en: 'Municipality' },
  sar: { 'zh-CN': '特别行政区', en: 'Special administrative region' },
  'prefecture-city': { 'zh-CN': '地级市', en: 'Prefecture-level city' },
  'autonomous-prefecture': { 'zh-CN': '自治州', en: 'Autonomous prefecture' },
  league: { 'zh-CN': '盟', en: 'League' },
  prefecture: { 'zh-CN': '地区', en: 'Prefecture' },
  district: { 'zh-CN': '市辖区', en: 'Urban district' },
  county: { 'zh-CN': '县', en: 'County' },
  'autonomous-county': { 'zh-CN': '自治县', en: 'Autonomous county' },
  'county-city': { 'zh-CN': '县级市', en: 'County-level city' },
  banner: { 'zh-CN': '旗', en: 'Banner' },
  'autonomous-banner': { 'zh-CN': '自治旗', en: 'Autonomous banner' },
  'forestry-district': { 'zh-CN': '林区', en: 'Forestry district' },
  'special-district': { 'zh-CN': '特区', en: 'Special district' },
  'development-zone': { 'zh-CN': '开发区（统计用）', en: 'Development zone (statistical)' },
  'city-without-county': { 'zh-CN': '不设区的市', en: 'City without districts' },
  subdistrict: { 'zh-CN': '街道', en: 'Subdistrict' },
  town: { 'zh-CN': '镇', en: 'Town' },
  township: { 'zh-CN': '乡', en: 'Township' },
  'ethnic-township': { 'zh-CN': '民族乡', en: 'Ethnic township' },
  sumu: { 'zh-CN': '苏木', en: 'Sumu' },
  'ethnic-sumu': { 'zh-CN': '民族苏木', en: 'Ethnic sumu' },
  zone: { 'zh-CN': '园区/农场（统计用）', en: 'Zone or farm (statistical)' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, { 'zh-CN': string; en: string }> = {
  1: { 'zh-CN': '省级', en: 'Province level' },
  2: { 'zh-CN': '地级', en: 'Prefecture level' },
  3: { 'zh-CN': '县级', en: 'County level' },
  4: { 'zh-CN': '乡级', en: 'Township level' },
};

export function isRegionTypeOfLevel(type: string, level: RegionLevel): type is RegionType {
  return (REGION_TYPES[level] as readonly string[]).includes(type);
}

/**
 * County-level units that a plan's "every 县(市)" means: counties and county-level cities with
 * their ethnic and banner equivalents, not urban districts (市辖区) nor statistical zones.
 */
export const COUNTY_AND_COUNTY_CITY_TYPES: readonly RegionType[] = [
  'county',
  'autonomous-county',
  'county-city',
  'banner',
  'autonomous-banner',
  'forestry-district',
  'special-district',
];
