import type { LocalizedText } from '../errors/localized.js';
import { toFieldIssues } from '../errors/zod-issues.js';
import { withinJurisdiction, type Jurisdiction } from '../regions/jurisdiction.js';
import { regionCodeSchema } from '../schemas/regions.js';
import type { RegionDirectory, RegionUnit } from './contract.js';
import { regionLineage, regionNameKey } from './region-directory.js';

/**
 * A row's region from its cells: the division code (6 or 12 digits) and/or the names of the
 * province, prefecture, county and township, full or short, resolved at the deepest level given
 * and filtered by every ancestor given. A county cell may hold a joined path (长春市南关区,
 * 吉林省长春市南关区). Among several matches the importer's own jurisdiction is preferred, so a
 * district clerk's bare 朝阳区 is their county's. The result obeys the API's rules (unitsOf):
 * a county or a township, inside the jurisdiction, with the same codes and words.
 */

/** The region columns (sheets/site-columns.ts keys). */
export const REGION_COLUMN_KEYS = { code: 'regionCode', 1: 'region.province', 2: 'region.prefecture', 3: 'region.county', 4: 'region.township' } as const;
export type RegionColumnKey = (typeof REGION_COLUMN_KEYS)[keyof typeof REGION_COLUMN_KEYS];

/** What a row gives of its region (text already coerced; empty cells absent). */
export interface RegionCells {
  code?: string;
  province?: string;
  prefecture?: string;
  county?: string;
  township?: string;
}

export interface RegionProblem {
  code: 'region.unknown' | 'region.ambiguous' | 'region.mismatch' | 'region.not_county_or_township' | 'region.outside_jurisdiction' | 'region.invalid_code';
  messages: LocalizedText;
  /** The column blamed (the code's, or the deepest name given). */
  column: RegionColumnKey;
}

/** The unit columns a site in `unit` stores (as the API's unitsOf): a township's county is its city when it has no county. */
export interface ResolvedRegion {
  unit: RegionUnit;
  /** The unit and its ancestors, province first. */
  lineage: RegionUnit[];
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string;
  townshipCode: string | null;
}

export type RegionResolution = { ok: true; region: ResolvedRegion } | { ok: false; problem: RegionProblem };

/** The words for a unit above county level: the API's (sites/site-writer.ts) and the import's, one text. */
export function notCountyOrTownshipText(unit: Pick<RegionUnit, 'name' | 'code'>): LocalizedText {
  return {
    'zh-CN': `${unit.name}（${unit.code}）不是县级或乡级区划：网点须登记在区县或乡镇（街道）`,
    en: `${unit.name} (${unit.code}) is not a county or township: a site is registered in a county or a township`,
  };
}

/** The API's words for a unit outside the jurisdiction. */
export function outsideJurisdictionText(unit: Pick<RegionUnit, 'name'>): LocalizedText {
  return { 'zh-CN': `${unit.name}不在您的辖区内，不能在此登记网点`, en: `${unit.name} is outside your jurisdiction; you cannot register sites there` };
}

/** The API's words for a code no unit has. */
export function unknownRegionCodeText(code: string): LocalizedText {
  return { 'zh-CN': `没有代码为 ${code} 的行政区划`, en: `There is no administrative division with code ${code}` };
}

/** Names standing for no unit of their level (the statistical codes' 市辖区, 县 under a municipality). */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** A path longer than this is no division name (an error never walks a pasted paragraph). */
const MAX_NAME_CHARS = 40;
/**
 * Unknown names of one file given close names: each compares thousands of units (a county name
 * ~3 ms), so a file of 20,000 names not found, a column filled with something else, held the
 * API's event loop for seconds per 500 rows. Past this many they are not typos to suggest for.
 */
const MAX_SUGGESTED_NAMES = 200;
/** An unknown name as a message quotes it (a whole cell may hold 1,000 characters). */
function quoted(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_NAME_CHARS ? `${chars.slice(0, MAX_NAME_CHARS - 1).join('')}…` : text;
}
const LEVEL_NAMES: Record<1 | 2 | 3 | 4, LocalizedText> = {
  1: { 'zh-CN': '省', en: 'province' },
  2: { 'zh-CN': '市', en: 'prefecture' },
  3: { 'zh-CN': '县（区）', en: 'county' },
  4: { 'zh-CN': '乡镇（街道）', en: 'township' },
};

function isBelow(unit: RegionUnit, ancestor: RegionUnit): boolean {
  if (unit === ancestor) return false;
  return unit.parentCode === ancestor.code || unit.provinceCode === ancestor.code || unit.prefectureCode === ancestor.code || unit.countyCode === ancestor.code;
}

/** Every unit a text names: one name, or a chain of names each inside the one before (吉林省长春市南关区). */
export function unitsNamedBy(regions: RegionDirectory, text: string, under: RegionUnit | null = null, depth = 0): RegionUnit[] {
  const chars = Array.from(regionNameKey(text));
  if (chars.length === 0 || chars.length > MAX_NAME_CHARS) return [];
  const found = new Set<RegionUnit>();
  for (let end = chars.length; end >= 1; end--) {
    const head = chars.slice(0, end).join('');
    const named = regions.named(head);
    if (named.length === 0) continue;
    const rest = chars.slice(end).join('');
    for (const unit of named) {
      if (under && !isBelow(unit, under)) continue;
      if (!rest) found.add(unit);
      else if (depth < 3) for (const deeper of unitsNamedBy(regions, rest, unit, depth + 1)) found.add(deeper);
    }
  }
  return [...found];
}

/** The unit columns of a site in `unit`, or null above county level. */
function siteUnits(regions: RegionDirectory, unit: RegionUnit): ResolvedRegion | null {
  const lineage = regionLineage(regions, unit);
  if (unit.level === 3) return { unit, lineage, provinceCode: unit.provinceCode, prefectureCode: unit.prefectureCode, countyCode: unit.code, townshipCode: null };
  if (unit.level === 4) {
    const countyCode = unit.countyCode ?? unit.prefectureCode ?? unit.provinceCode;
    return { unit, lineage, provinceCode: unit.provinceCode, prefectureCode: unit.prefectureCode, countyCode, townshipCode: unit.code };
  }
  return null;
}

/** The unit as "220104 长春市朝阳区" (from its prefecture down; a municipality's from the province). */
function describeUnit(regions: RegionDirectory, unit: RegionUnit): string {
  const lineage = regionLineage(regions, unit);
  const shown = lineage.some((entry) => entry.level === 2) ? lineage.filter((entry) => entry.level >= 2) : lineage;
  return `${unit.code} ${shown.map((entry) => entry.name).join('')}`;
}

/** Dice similarity of two names' characters (南官区 and 南关区 share two of three). */
function similarity(a: string, b: string): number {
  const left = Array.from(a);
  const pool = Array.from(b);
  const size = left.length + pool.length;
  let common = 0;
  for (const char of left) {
    const at = pool.indexOf(char);
    if (at >= 0) {
      common++;
      pool.splice(at, 1);
    }
  }
  return size ? (2 * common) / size : 0;
}

/** Units of `level` below `roots` (at most a few thousand: a township search needs a narrower root). */
function unitsAtLevel(regions: RegionDirectory, roots: readonly (RegionUnit | null)[], level: number): RegionUnit[] {
  const found: RegionUnit[] = [];
  let frontier: (RegionUnit | null)[] = [...roots];
  while (frontier.length && found.length < 5000) {
    const next: RegionUnit[] = [];
    for (const parent of frontier) {
      for (const child of regions.children(parent?.code ?? null)) {
        if (child.level === level) found.push(child);
        else if (child.level < level) next.push(child);
      }
    }
    frontier = next;
  }
  return found;
}

export interface RegionResolverOptions {
  regions: RegionDirectory;
  scope: Jurisdiction;
}

/**
 * A resolver for one import: the same cells give the same answer, so each distinct region of a
 * file is worked out once (a 10,000-row file names a few dozen).
 */
export function createRegionResolver({ regions, scope }: RegionResolverOptions): (cells: RegionCells) => RegionResolution {
  const cache = new Map<string, RegionResolution>();
  const scopeRoot = scope.kind === 'unit' ? (regions.get(scope.code) ?? null) : null;

  const within = (unit: RegionUnit) => {
    const units = siteUnits(regions, unit);
    return withinJurisdiction(scope, units ?? { code: unit.code, provinceCode: unit.provinceCode, prefectureCode: unit.prefectureCode, countyCode: unit.countyCode });
  };

  let suggested = 0;
  /** The closest names at `level` to a name not found: under the ancestors given, else inside the scope. */
  const closest = (text: string, level: 1 | 2 | 3 | 4, ancestors: RegionUnit[]): string[] => {
    const key = regionNameKey(text);
    if (Array.from(key).length > MAX_NAME_CHARS || suggested >= MAX_SUGGESTED_NAMES) return [];
    suggested++;
    const roots: (RegionUnit | null)[] = ancestors.length ? ancestors : scopeRoot && scopeRoot.level < level ? [scopeRoot] : level <= 3 ? [null] : [];
    return unitsAtLevel(regions, roots, level)
      .map((unit) => ({ unit, score: similarity(key, regionNameKey(unit.name)) }))
      .filter((entry) => entry.score >= 0.5)
      .sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code))
      .slice(0, 3)
      .map((entry) => entry.unit.name);
  };

  const finish = (unit: RegionUnit, column: RegionColumnKey): RegionResolution => {
    const units = siteUnits(regions, unit);
    if (!units) return { ok: false, problem: { code: 'region.not_county_or_township', messages: notCountyOrTownshipText(unit), column } };
    if (!within(unit)) return { ok: false, problem: { code: 'region.outside_jurisdiction', messages: outsideJurisdictionText(unit), column } };
    return { ok: true, region: units };
  };

  const names = (cells: RegionCells) =>
    (
      [
        [1, cells.province],
        [2, cells.prefecture],
        [3, cells.county],
        [4, cells.township],
      ] as const
    ).flatMap(([level, text]) => (text && !PLACEHOLDERS.has(regionNameKey(text)) ? [{ level, text: regionNameKey(text) }] : []));

  /** Whether the name given at a level names the unit or one of its ancestors. */
  const agrees = (lineage: RegionUnit[], text: string) => {
    const named = new Set(unitsNamedBy(regions, text));
    return lineage.some((entry) => named.has(entry));
  };

  const byCode = (code: string, cells: RegionCells): RegionResolution => {
    const parsed = regionCodeSchema.safeParse(code);
    if (!parsed.success) {
      const [issue] = toFieldIssues(parsed.error.issues, 'zh-CN');
      return { ok: false, problem: { code: 'region.invalid_code', messages: issue.messages, column: 'regionCode' } };
    }
    const unit = regions.get(code);
    if (!unit) return { ok: false, problem: { code: 'region.unknown', messages: unknownRegionCodeText(code), column: 'regionCode' } };
    const lineage = regionLineage(regions, unit);
    const disagreeing = names(cells).find((name) => !agrees(lineage, name.text));
    if (disagreeing) {
      const path = lineage.map((entry) => entry.name).join('');
      return {
        ok: false,
        problem: {
          code: 'region.mismatch',
          messages: {
            'zh-CN': `区划代码 ${code} 是“${path}”，与所填的${LEVEL_NAMES[disagreeing.level]['zh-CN']}“${quoted(disagreeing.text)}”不一致：请核对，或只填其中一项`,
            en: `Division code ${code} is ${path}, which does not match the ${LEVEL_NAMES[disagreeing.level].en} “${quoted(disagreeing.text)}”: check them, or give only one`,
          },
          column: REGION_COLUMN_KEYS[disagreeing.level],
        },
      };
    }
    return finish(unit, 'regionCode');
  };

  const byNames = (cells: RegionCells): RegionResolution | null => {
    const given = names(cells);
    const deepest = given.at(-1);
    if (!deepest) return null;
    const column = REGION_COLUMN_KEYS[deepest.level];
    const found = unitsNamedBy(regions, deepest.text);
    // The column's own level first (a county cell's 朝阳 is 朝阳区 or 朝阳县, not 朝阳市); a joined path may end deeper.
    const atLevel = found.filter((unit) => unit.level === deepest.level);
    const deeper = found.filter((unit) => unit.level > deepest.level);
    let candidates = atLevel.length ? atLevel : deeper.length ? deeper : found;
    const ancestorsGiven = given.slice(0, -1);
    candidates = candidates.filter((unit) => {
      const lineage = regionLineage(regions, unit).slice(0, -1);
      return ancestorsGiven.every((ancestor) => agrees(lineage, ancestor.text));
    });
    if (candidates.length === 0) {
      const ancestorUnits = ancestorsGiven.length ? unitsNamedBy(regions, ancestorsGiven.at(-1)!.text) : [];
      const where = ancestorsGiven.map((ancestor) => ancestor.text).join('');
      const suggestions = closest(deepest.text, deepest.level, ancestorUnits.slice(0, 3));
      const hint = (locale: 'zh-CN' | 'en') =>
        suggestions.length ? (locale === 'zh-CN' ? `；相近的有：${suggestions.join('、')}` : `; close names: ${suggestions.join(', ')}`) : '';
      const level = LEVEL_NAMES[deepest.level];
      const name = quoted(deepest.text);
      const zh = where ? `“${quoted(where)}”下没有名为“${name}”的${level['zh-CN']}` : `没有名为“${name}”的${level['zh-CN']}`;
      const en = where ? `There is no ${level.en} named “${name}” in ${quoted(where)}` : `There is no ${level.en} named “${name}”`;
      return { ok: false, problem: { code: 'region.unknown', messages: { 'zh-CN': `${zh}${hint('zh-CN')}`, en: `${en}${hint('en')}` }, column } };
    }
    if (candidates.length > 1) {
      const mine = candidates.filter(within);
      if (mine.length >= 1) candidates = mine;
      // Whichever was meant lies outside the jurisdiction: that is what to say.
      else if (scope.kind === 'unit' && candidates.every((unit) => unit.level >= 3)) return finish(candidates[0], column);
    }
    if (candidates.length > 1) {
      const listed = candidates
        .slice()
        .sort((a, b) => a.code.localeCompare(b.code))
        .slice(0, 5)
        .map((unit) => describeUnit(regions, unit));
      const more = candidates.length > 5 ? candidates.length - 5 : 0;
      return {
        ok: false,
        problem: {
          code: 'region.ambiguous',
          messages: {
            'zh-CN': `“${deepest.text}”有多处：${listed.join('、')}${more ? ` 等 ${candidates.length} 处` : ''}。请补填上级（省、市），或填写区划代码`,
            en: `“${deepest.text}” is ambiguous: ${listed.join(', ')}${more ? ` and ${more} more` : ''}. Add the province or prefecture, or give the division code`,
          },
          column,
        },
      };
    }
    return finish(candidates[0], column);
  };

  return (cells) => {
    const key = JSON.stringify([cells.code ?? '', cells.province ?? '', cells.prefecture ?? '', cells.county ?? '', cells.township ?? '']);
    const cached = cache.get(key);
    if (cached) return cached;
    const result: RegionResolution = cells.code
      ? byCode(cells.code, cells)
      : (byNames(cells) ?? {
          ok: false,
          problem: {
            code: 'region.unknown',
            messages: { 'zh-CN': '未填所在地区：请填写区划代码，或省、市、县（区）名称', en: 'No region given: fill in the division code, or the province, prefecture and county names' },
            column: 'regionCode',
          },
        });
    cache.set(key, result);
    return result;
  };
}
