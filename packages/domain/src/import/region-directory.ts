import type { RegionDirectory, RegionUnit } from './contract.js';

/**
 * The divisions indexed for the import's region columns: by code, by parent and by name, full
 * (南关区) and short (南关). Built once per process from the ≈44.7k seeded units.
 */

/** Type endings a short name leaves off, longest first (a name keeps at least two characters). */
const TYPE_SUFFIXES = [
  '特别行政区',
  '民族苏木',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '民族乡',
  '地区',
  '林区',
  '特区',
  '街道',
  '苏木',
  '省',
  '市',
  '盟',
  '州',
  '县',
  '区',
  '旗',
  '镇',
  '乡',
].sort((a, b) => b.length - a.length);

/** Township endings that may follow a people's name (三家子满族乡); 自治… and 民族… always name them. */
const ETHNIC_TOWNSHIP_SUFFIXES = new Set(['乡', '镇', '苏木']);

/** The 56 peoples' names (without 族), longest first, as they appear in autonomous units' names. */
const PEOPLES = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山',
  '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒',
  '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

const MIN_SHORT = 2;

/** Strips the peoples named at the end of `stem` (苗族侗族 → '', 延边朝鲜族 → 延边), keeping two characters. */
function withoutPeoples(stem: string, needsZu: boolean): string {
  let rest = stem;
  for (;;) {
    let stripped = false;
    for (const people of PEOPLES) {
      for (const ending of needsZu ? [`${people}族`] : [`${people}族`, people]) {
        if (rest.endsWith(ending) && Array.from(rest).length - Array.from(ending).length >= MIN_SHORT) {
          rest = rest.slice(0, -ending.length);
          stripped = true;
          break;
        }
      }
      if (stripped) break;
    }
    if (!stripped) return rest;
  }
}

/**
 * The short name of a unit (长春市 → 长春, 南关区 → 南关, 延边朝鲜族自治州 → 延边, 长白朝鲜族自治县 →
 * 长白, 内蒙古自治区 → 内蒙古), or null when the name has no ending to leave off or too little is left.
 */
export function shortRegionName(name: string): string | null {
  const suffix = TYPE_SUFFIXES.find((ending) => name.endsWith(ending));
  if (!suffix) return null;
  let stem = name.slice(0, -suffix.length);
  // Peoples are named before 族 in every unit's name except the regions' (新疆维吾尔自治区).
  const ethnic = suffix.startsWith('自治') || suffix.startsWith('民族') || (ETHNIC_TOWNSHIP_SUFFIXES.has(suffix) && stem.endsWith('族'));
  if (ethnic) stem = withoutPeoples(stem, suffix !== '自治区');
  // A people named alone (鄂温克族自治旗, 东乡族自治县): its name without 族.
  if (ethnic && stem.endsWith('族') && Array.from(stem).length > MIN_SHORT) stem = stem.slice(0, -1);
  return Array.from(stem).length >= MIN_SHORT && stem !== name ? stem : null;
}

/** A name as the index keys it: NFKC, without whitespace. */
export function regionNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

class IndexedRegions implements RegionDirectory {
  private readonly byCode = new Map<string, RegionUnit>();
  private readonly byParent = new Map<string | null, RegionUnit[]>();
  private readonly byName = new Map<string, RegionUnit[]>();

  constructor(units: readonly RegionUnit[]) {
    for (const unit of units) {
      this.byCode.set(unit.code, unit);
      push(this.byParent, unit.parentCode, unit);
      const full = regionNameKey(unit.name);
      push(this.byName, full, unit);
      const short = shortRegionName(full);
      if (short) push(this.byName, short, unit);
    }
  }

  get(code: string): RegionUnit | undefined {
    return this.byCode.get(code);
  }

  children(code: string | null): readonly RegionUnit[] {
    return this.byParent.get(code) ?? [];
  }

  named(name: string): readonly RegionUnit[] {
    return this.byName.get(regionNameKey(name)) ?? [];
  }
}

function push<K>(map: Map<K, RegionUnit[]>, key: K, unit: RegionUnit): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(unit)) list.push(unit);
  } else map.set(key, [unit]);
}

/** Indexes the divisions by code, parent and full and short name. */
export function buildRegionDirectory(units: readonly RegionUnit[]): RegionDirectory {
  return new IndexedRegions(units);
}

/** The unit and its ancestors, root (province) first. */
export function regionLineage(regions: RegionDirectory, unit: RegionUnit): RegionUnit[] {
  const lineage: RegionUnit[] = [unit];
  let current = unit;
  while (current.parentCode) {
    const parent = regions.get(current.parentCode);
    if (!parent || lineage.includes(parent)) break;
    lineage.unshift(parent);
    current = parent;
  }
  return lineage;
}
