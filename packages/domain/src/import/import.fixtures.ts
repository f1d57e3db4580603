import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { choiceField, countField, optionalMultiChoiceField, partWithinWhole, switchField } from '../kinds/field-helpers.js';
import { defineSiteKind, fieldMeta, SiteKindRegistry, type SiteKindDefinition } from '../kinds/site-kind.js';
import { buildSiteSchemas } from '../schemas/sites.js';
import type { GridCell, ImportCheckContext, ReadWorkbook, RegionUnit } from './contract.js';
import { buildRegionDirectory } from './region-directory.js';

/* Test fixtures of the import checks (not built: tsconfig.build.json leaves *.fixtures.ts out). */

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The seeded divisions (seeds/divisions/regions.json) as the API loads them into RegionUnits. */
export function seededUnits(): RegionUnit[] {
  const file = JSON.parse(readFileSync(new URL('../../../../seeds/divisions/regions.json', import.meta.url), 'utf8')) as {
    rows: [string, string, 1 | 2 | 3 | 4, string | null, string, boolean, number | null, number | null][];
  };
  const byCode = new Map(file.rows.map((row) => [row[0], row]));
  return file.rows.map(([code, name, level, parent, type, , lng, lat]) => {
    const ancestors: { code: string; level: number }[] = [];
    for (let at = parent; at; at = byCode.get(at)?.[3] ?? null) ancestors.push({ code: at, level: byCode.get(at)![2] });
    const at = (wanted: number) => ancestors.find((ancestor) => ancestor.level === wanted)?.code ?? null;
    return {
      code,
      name,
      level,
      type,
      parentCode: parent,
      provinceCode: level === 1 ? code : at(1)!,
      prefectureCode: at(2),
      countyCode: at(3),
      centroid: lat !== null && lng !== null ? { lat, lng } : null,
    };
  });
}

let seeded: ReturnType<typeof buildRegionDirectory> | null = null;
/** The directory of every seeded unit (built once per test file). */
export function seededDirectory() {
  seeded ??= buildRegionDirectory(seededUnits());
  return seeded;
}

/** A kind with a field of each cell type and one cross-field rule. */
export const importTestKind: SiteKindDefinition = defineSiteKind({
  code: 'import-test',
  labels: label('测试工坊', 'Test workshop'),
  description: label('测试', 'Test'),
  attributes: z.strictObject({
    grade: choiceField(['national', 'county'], { label: label('工坊级别', 'Grade'), options: { national: label('国家级', 'National'), county: label('县级', 'County') }, widget: 'radio' }),
    employees: countField(500, { label: label('就业人数', 'Employees'), help: label('含残疾人', 'Disabled people included') }),
    disabledEmployees: countField(500, { label: label('残疾人就业人数', 'Disabled employees') }),
    services: optionalMultiChoiceField(['meals', 'transport'], {
      label: label('服务', 'Services'),
      options: { meals: label('供餐', 'Meals'), transport: label('接送', 'Transport') },
      repeated: label('服务不能重复', 'Services must not repeat'),
    }),
    licensedOn: fieldMeta(z.iso.date().optional(), { label: label('发证日期', 'Licensed on'), widget: 'date' }),
    subsidised: switchField({ label: label('享受补贴', 'Subsidised') }),
  }),
  attributesVersion: 1,
  metrics: ['employees'],
  rules: [
    {
      id: 'disabled-within-employees',
      description: label('残疾人就业人数不超过就业人数', 'Disabled employees within employees'),
      check: partWithinWhole<{ employees: number; disabledEmployees: number }>('disabledEmployees', 'employees', label('残疾人就业人数不能超过就业人数', 'Disabled employees cannot exceed employees')),
    },
  ],
  examples: { valid: { grade: 'county', employees: 10, disabledEmployees: 5 }, invalid: { 'disabled-within-employees': { grade: 'county', employees: 3, disabledEmployees: 5 } } },
  marker: { symbol: 'circle', color: '#000000' },
});

/** Another kind, for the wrong-template check. */
export const otherTestKind: SiteKindDefinition = defineSiteKind({
  code: 'other-test',
  labels: label('另一种网点', 'Other site'),
  description: label('测试', 'Test'),
  attributes: z.strictObject({
    trainees: countField(900, { label: label('培训人数', 'Trainees') }),
    courses: countField(90, { label: label('课程数', 'Courses'), unit: label('门', 'courses') }),
  }),
  attributesVersion: 1,
  metrics: ['trainees'],
  examples: { valid: { trainees: 3, courses: 1 }, invalid: {} },
  marker: { symbol: 'circle', color: '#000000' },
});

export const testKinds = [importTestKind, otherTestKind];
const createSchema = buildSiteSchemas(new SiteKindRegistry(testKinds)).create;

/** A check context: the test kind, every seeded unit, a district clerk of 南关区 unless told. */
export function checkContext(overrides: Partial<ImportCheckContext> = {}): ImportCheckContext {
  return { kind: importTestKind, createSchema, regions: seededDirectory(), scope: { kind: 'unit', column: 'countyCode', code: '220102' }, installedKinds: testKinds, ...overrides };
}

/** The headers of a filled-in row (zh-CN). */
export const HEADERS = [
  '网点名称',
  '区划代码',
  '省',
  '市',
  '县（区）',
  '乡镇（街道）',
  '详细地址',
  '纬度',
  '经度',
  '坐标系',
  '运营单位名称',
  '统一社会信用代码',
  '联系人姓名',
  '联系电话',
  '开业日期',
  '无障碍设施',
  '工坊级别',
  '就业人数',
  '残疾人就业人数',
  '服务',
  '发证日期',
  '享受补贴',
] as const;

/** A valid row under HEADERS: a site in 南关区 (by its names). */
export function validRow(overrides: Partial<Record<(typeof HEADERS)[number], GridCell>> = {}): GridCell[] {
  const row: Record<(typeof HEADERS)[number], GridCell> = {
    网点名称: '南岭阳光工坊',
    区划代码: null,
    省: '吉林省',
    市: '长春市',
    '县（区）': '南关区',
    '乡镇（街道）': null,
    详细地址: '自由大路 1 号',
    纬度: 43.8868,
    经度: 125.3245,
    坐标系: 'WGS-84',
    运营单位名称: '长春市某某中心',
    统一社会信用代码: '91350100M000100Y43',
    联系人姓名: '王某',
    联系电话: '0431-88881234',
    开业日期: '2020-01-05',
    无障碍设施: null,
    工坊级别: '县级',
    就业人数: 10,
    残疾人就业人数: 5,
    服务: '供餐、接送',
    发证日期: null,
    享受补贴: '否',
    ...overrides,
  };
  return HEADERS.map((header) => row[header]);
}

/** A one-sheet workbook: `above` title rows, the header row, the rows. */
export function workbookOf(rows: GridCell[][], options: { headers?: readonly GridCell[]; above?: GridCell[][]; hiddenRows?: number[]; name?: string; templateKind?: string | null } = {}): ReadWorkbook {
  return {
    format: 'xlsx',
    encoding: null,
    sheets: [{ name: options.name ?? 'Sheet1', rows: [...(options.above ?? []), [...(options.headers ?? HEADERS)], ...rows], date1904: false, hiddenRows: options.hiddenRows ?? [] }],
    hiddenSheets: [],
    templateKind: options.templateKind ?? null,
  };
}
