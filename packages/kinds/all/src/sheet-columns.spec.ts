import { LOCALES, presentationOf, siteSheetColumns, siteSheetRow, unionSheetColumns, type SheetColumn } from '@sitenet/domain';
import { siteOfKind } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { installedKinds } from './index.js';

/** The cell a stored value must become, worked out from the field's presentation (not from the sheet code). */
function expectedCell(value: unknown, column: SheetColumn, options: Record<string, { 'zh-CN': string }> | undefined): unknown {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((item: string) => options?.[item]?.['zh-CN'] ?? item).join('、');
  if (typeof value === 'string' && options) return options[value]['zh-CN'];
  if (column.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return value;
}

describe.each(installedKinds.map((kind) => [kind.code, kind] as const))('the sheet columns of %s', (_code, kind) => {
  const columns = siteSheetColumns(kind);
  const shape = kind.attributes.shape as Record<string, z.ZodType>;

  it('have a column for every field of the kind, with its label as header and its options', () => {
    for (const [field, schema] of Object.entries(shape)) {
      const presentation = presentationOf(schema)!;
      const column = columns.find((candidate) => candidate.key === `attributes.${field}`);
      expect(column, field).toBeDefined();
      expect(column!.header).toEqual(presentation.label);
      expect(column!.options?.map((option) => option.value) ?? []).toEqual(Object.keys(presentation.options ?? {}));
      expect(column!.required, field).toBe(!schema.safeParse(undefined).success);
    }
    expect(columns.filter((column) => column.key.startsWith('attributes.'))).toHaveLength(Object.keys(shape).length);
  });

  it.each(LOCALES)('have unique headers in %s', (locale) => {
    const headers = columns.map((column) => column.header[locale]);
    expect(headers.filter((header, index) => headers.indexOf(header) !== index)).toEqual([]);
  });

  it('write the valid example as cells: choices as labels, lists joined with 、, 是/否, dates as text, region names filled', () => {
    const site = siteOfKind(kind);
    const path = [
      { code: '220000', name: '吉林省', level: 1 },
      { code: '220100', name: '长春市', level: 2 },
      { code: '220102', name: '南关区', level: 3 },
    ];
    const row = siteSheetRow(site, columns, { locale: 'zh-CN', kindOf: (code) => installedKinds.find((candidate) => candidate.code === code), regionPath: () => path });
    const cells = new Map(columns.map((column, index) => [column.key, row[index]]));
    for (const [field, schema] of Object.entries(shape)) {
      const column = columns.find((candidate) => candidate.key === `attributes.${field}`)!;
      expect(cells.get(column.key), field).toEqual(expectedCell(site.attributes[field], column, presentationOf(schema)?.options));
    }
    expect([cells.get('region.province'), cells.get('region.prefecture'), cells.get('region.county'), cells.get('region.township')]).toEqual(['吉林省', '长春市', '南关区', null]);
    expect(cells.get('operator.creditCode')).toBe('91350100M000100Y43');
    expect(cells.get('status')).toBe('已发布');
    expect(cells.get('updatedAt')).toEqual(new Date('2026-01-02T00:00:00.000Z'));
  });
});

describe('the table spanning every installed kind', () => {
  it('has each kind field once and unique headers in both languages', () => {
    const columns = unionSheetColumns(installedKinds);
    const fieldKeys = new Set(installedKinds.flatMap((kind) => Object.keys(kind.attributes.shape).map((field) => `attributes.${field}`)));
    expect(columns.filter((column) => column.key.startsWith('attributes.')).map((column) => column.key).sort()).toEqual([...fieldKeys].sort());
    for (const locale of LOCALES) {
      const headers = columns.map((column) => column.header[locale]);
      expect(headers.filter((header, index) => headers.indexOf(header) !== index)).toEqual([]);
    }
  });
});
