import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALES } from '../errors/localized.js';
import { choiceField, countField, optionalAmountField, optionalMultiChoiceField, switchField } from '../kinds/field-helpers.js';
import { defineSiteKind, fieldMeta, type SiteKindDefinition } from '../kinds/site-kind.js';
import { siteOfKind } from '../kinds/testing.js';
import { SITE_FIELD_TEXTS } from '../schemas/site-field-texts.js';
import { COMMON_SITE_FIELDS } from '../schemas/site-fields.js';
import type { Site } from '../schemas/sites.js';
import type { RegionPathEntry, SheetColumn } from './columns.js';
import { kindColumn, siteSheetColumns, siteSheetRow, unionSheetColumns } from './site-columns.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A kind with a field of every cell type the sheets know. */
function testKind(code = 'sheet-test', gradeLabel = label('级别', 'Grade')): SiteKindDefinition {
  return defineSiteKind({
    code,
    labels: label('测试网点', 'Test site'),
    description: label('测试', 'Test'),
    attributes: z.strictObject({
      grade: choiceField(['national', 'county'], { label: gradeLabel, options: { national: label('国家级', 'National'), county: label('县级', 'County') }, widget: 'radio' }),
      staff: countField(500, { label: label('工作人员数', 'Staff'), help: label('不含志愿者', 'Volunteers excluded') }),
      income: optionalAmountField(20_000, { label: label('月收入', 'Monthly income'), unit: label('元/月', 'yuan/month') }),
      services: optionalMultiChoiceField(['meals', 'transport'], {
        label: label('服务', 'Services'),
        options: { meals: label('供餐', 'Meals'), transport: label('接送', 'Transport') },
        repeated: label('重复', 'Repeated'),
      }),
      projects: fieldMeta(z.array(z.string()).max(5).default([]), { label: label('项目', 'Projects'), widget: 'textarea' }),
      licensedOn: fieldMeta(z.iso.date().optional(), { label: label('发证日期', 'Licensed on'), widget: 'date' }),
      subsidised: switchField({ label: label('享受补贴', 'Subsidised') }),
    }),
    attributesVersion: 1,
    metrics: ['staff'],
    examples: { valid: { grade: 'county', staff: 3 }, invalid: {} },
    marker: { symbol: 'circle', color: '#000000' },
  });
}

const PATH: RegionPathEntry[] = [
  { code: '220000', name: '吉林省', level: 1 },
  { code: '220100', name: '长春市', level: 2 },
  { code: '220102', name: '南关区', level: 3 },
  { code: '220102001000', name: '南岭街道', level: 4 },
];

function site(kind: SiteKindDefinition, attributes: Record<string, unknown>): Site {
  const located = { regionCode: '220102001000', address: '自由大路 1 号', location: { lat: 43.8868, lng: 125.3245 }, locationSource: 'gcj02' as const };
  const operated = { name: '南岭网点', operator: { name: '长春市某某中心', creditCode: '91350100M000100Y43' }, contact: { person: '王某', phone: '0431-88881234' } };
  return siteOfKind(kind, { ...located, ...operated, id: '5f7c0c1e-8f0a-4d59-9a51-0d3f3c1b2a10', openedOn: '2020-01-05', barrierFree: ['ramp', 'lift'], attributes, updatedAt: '2026-03-04T05:06:07.000Z' });
}

const byKey = (columns: SheetColumn[]) => new Map(columns.map((column) => [column.key, column]));

describe('siteSheetColumns', () => {
  const kind = testKind();
  const columns = siteSheetColumns(kind);

  it('has a column per common form input (the region as a code and one name per level), each kind field, and the read-only columns last', () => {
    const common = 'name regionCode region.province region.prefecture region.county region.township address location.lat location.lng location.system';
    const more = 'operator.name operator.creditCode contact.person contact.phone openedOn barrierFree';
    expect(columns.map((column) => column.key)).toEqual([
      ...`${common} ${more}`.split(' '),
      ...Object.keys(kind.attributes.shape).map((field) => `attributes.${field}`),
      ...['id', 'status', 'updatedAt'],
    ]);
    const inputs = Object.values(COMMON_SITE_FIELDS).flatMap((field) => field.form?.inputs ?? []);
    for (const input of inputs) expect(columns.some((column) => column.key === input.path)).toBe(true);
    expect(columns.filter((column) => column.readOnly).map((column) => column.key)).toEqual(['id', 'status', 'updatedAt']);
  });

  it.each(LOCALES)('has unique, non-empty headers in %s', (locale) => {
    const headers = columns.map((column) => column.header[locale]);
    expect(headers.every((header) => header.trim().length > 0)).toBe(true);
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('takes the common headers and notes from SITE_FIELD_TEXTS and the kind headers from their presentation', () => {
    const keyed = byKey(columns);
    expect(keyed.get('name')).toMatchObject({ header: SITE_FIELD_TEXTS.name, note: SITE_FIELD_TEXTS.nameHint, required: true, type: 'text' });
    // Coordinates may be left empty in a sheet (the import takes the division's centroid), though the API requires them.
    expect(keyed.get('location.lat')).toMatchObject({ header: SITE_FIELD_TEXTS.lat, type: 'number', required: false });
    expect(keyed.get('location.lat')?.note?.['zh-CN']).toContain(SITE_FIELD_TEXTS.latHint['zh-CN']);
    expect(keyed.get('location.system')).toMatchObject({ header: SITE_FIELD_TEXTS.system, type: 'choice', required: false });
    expect(keyed.get('location.system')?.options?.map((option) => option.value)).toEqual(['wgs84', 'gcj02', 'bd09']);
    expect(keyed.get('region.province')?.header['zh-CN']).toBe('省');
    expect(keyed.get('region.county')?.header['zh-CN']).toBe('县（区）');
    expect(keyed.get('region.township')?.header['zh-CN']).toBe('乡镇（街道）');
    expect(keyed.get('regionCode')?.header['zh-CN']).toBe('区划代码');
    expect(keyed.get('openedOn')).toMatchObject({ type: 'date', required: false });
    expect(keyed.get('barrierFree')).toMatchObject({ type: 'multi-choice', required: false });
    expect(keyed.get('attributes.staff')).toMatchObject({ header: label('工作人员数', 'Staff'), type: 'integer', required: true });
    expect(keyed.get('attributes.staff')?.note).toEqual({ 'zh-CN': '0–500 人；不含志愿者', en: '0–500 persons; Volunteers excluded' });
    expect(keyed.get('attributes.income')).toMatchObject({ type: 'number', required: false });
    expect(keyed.get('attributes.grade')).toMatchObject({ type: 'choice', required: true });
    expect(keyed.get('attributes.services')).toMatchObject({ type: 'multi-choice', required: false });
    expect(keyed.get('attributes.projects')).toMatchObject({ type: 'list', required: false });
    expect(keyed.get('attributes.licensedOn')).toMatchObject({ type: 'date', required: false });
    expect(keyed.get('attributes.subsidised')).toMatchObject({ type: 'boolean', required: false });
    expect(keyed.get('updatedAt')).toMatchObject({ header: SITE_FIELD_TEXTS.updatedAt, type: 'datetime', readOnly: true });
    expect(keyed.get('id')?.header['zh-CN']).toBe('网点编号');
    expect(keyed.get('status')?.header['zh-CN']).toBe('状态');
  });

  it('formats the credit code, the phone and the division code as text (Excel keeps their digits), and nothing else', () => {
    expect(columns.filter((column) => column.textFormat).map((column) => column.key)).toEqual(['regionCode', 'operator.creditCode', 'contact.phone']);
  });

  it('gives every column a width', () => {
    for (const column of columns) expect(column.width).toBeGreaterThanOrEqual(8);
  });
});

describe('siteSheetRow', () => {
  const kind = testKind();
  const columns = siteSheetColumns(kind);
  const cellsOf = (attributes: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN', path = PATH) => {
    const row = siteSheetRow(site(kind, attributes), columns, { locale, kindOf: (code) => (code === kind.code ? kind : undefined), regionPath: () => path });
    expect(row).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((column, index) => [column.key, row[index]]));
  };

  it('writes choices as labels, multi-choice joined with 、, yes/no, dates as text, the update instant as a Date', () => {
    const attributes = { grade: 'national', staff: 12, income: 1500.5, services: ['meals', 'transport'], projects: ['编织', '烘焙'], licensedOn: '2024-02-29', subsidised: true };
    expect(cellsOf(attributes)).toEqual({
      name: '南岭网点',
      regionCode: '220102001000',
      'region.province': '吉林省',
      'region.prefecture': '长春市',
      'region.county': '南关区',
      'region.township': '南岭街道',
      address: '自由大路 1 号',
      'location.lat': 43.8868,
      'location.lng': 125.3245,
      'location.system': 'WGS-84（GPS、天地图）',
      'operator.name': '长春市某某中心',
      'operator.creditCode': '91350100M000100Y43',
      'contact.person': '王某',
      'contact.phone': '0431-88881234',
      openedOn: '2020-01-05',
      barrierFree: '坡道、无障碍电梯',
      'attributes.grade': '国家级',
      'attributes.staff': 12,
      'attributes.income': 1500.5,
      'attributes.services': '供餐、接送',
      'attributes.projects': '编织、烘焙',
      'attributes.licensedOn': '2024-02-29',
      'attributes.subsidised': '是',
      id: '5f7c0c1e-8f0a-4d59-9a51-0d3f3c1b2a10',
      status: '已发布',
      updatedAt: new Date('2026-03-04T05:06:07.000Z'),
    });
  });

  it('writes the English labels and Yes/No with lang en, and leaves absent values and empty lists empty', () => {
    const cells = cellsOf({ grade: 'county', staff: 0, services: [], projects: [], subsidised: false }, 'en');
    expect(cells).toMatchObject({
      'attributes.grade': 'County',
      'attributes.staff': 0,
      'attributes.income': null,
      'attributes.services': null,
      'attributes.projects': null,
      'attributes.licensedOn': null,
      'attributes.subsidised': 'No',
      barrierFree: 'Ramp、Accessible lift',
      'location.system': 'WGS-84 (GPS, Tianditu)',
      status: 'Approved',
    });
  });

  it('fills the region names a county site has and leaves the township empty', () => {
    const cells = cellsOf({ grade: 'county', staff: 1 }, 'zh-CN', PATH.slice(0, 3));
    expect([cells['region.province'], cells['region.prefecture'], cells['region.county'], cells['region.township']]).toEqual(['吉林省', '长春市', '南关区', null]);
  });
});

describe('a table spanning kinds', () => {
  const first = testKind('sheet-test');
  const second = testKind('sheet-other', label('工坊级别', 'Workshop grade'));
  const columns = unionSheetColumns([first, second]);

  it('starts with 网点类型, has each field once (both labels when the kinds differ), and unique headers', () => {
    expect(columns[0]).toEqual(kindColumn());
    expect(kindColumn()).toMatchObject({ key: 'kind', header: SITE_FIELD_TEXTS.kind, readOnly: true });
    const keys = columns.map((column) => column.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(byKey(columns).get('attributes.grade')?.header).toEqual(label('级别／工坊级别', 'Grade／Workshop grade'));
    for (const locale of LOCALES) expect(new Set(columns.map((column) => column.header[locale])).size).toBe(columns.length);
  });

  it('writes each site with its own kind’s label, options and fields, empty where its kind has no such field', () => {
    const third = defineSiteKind({
      code: 'sheet-third',
      description: label('测试', 'Test'),
      attributesVersion: 1,
      marker: { symbol: 'rect', color: '#000000' },
      labels: label('第三类网点', 'Third kind'),
      attributes: z.strictObject({ beds: countField(10, { label: label('床位', 'Beds') }) }),
      metrics: [],
      examples: { valid: { beds: 1 }, invalid: {} },
    });
    const kinds = new Map([first, second, third].map((kind) => [kind.code, kind]));
    const spanning = unionSheetColumns([first, second, third]);
    const context = { locale: 'zh-CN' as const, kindOf: (code: string) => kinds.get(code), regionPath: () => PATH };
    const cellsOf = (row: unknown[]) => Object.fromEntries(spanning.map((column, index) => [column.key, row[index]]));
    expect(cellsOf(siteSheetRow(site(third, { beds: 4 }), spanning, context))).toMatchObject({ kind: '第三类网点', 'attributes.beds': 4, 'attributes.grade': null, 'attributes.staff': null, name: '南岭网点' });
    expect(cellsOf(siteSheetRow(site(second, { grade: 'national', staff: 2 }), spanning, context))).toMatchObject({ kind: '测试网点', 'attributes.beds': null, 'attributes.grade': '国家级', 'attributes.staff': 2 });
  });
});
