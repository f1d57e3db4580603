import { describe, expect, it } from 'vitest';
import { LOCALES } from '../errors/localized.js';
import { siteSheetColumns } from '../sheets/site-columns.js';
import { columnLetter, findHeaderRow, kindHeaderIndex, matchHeaderRow, missingColumns, missingColumnsFailure, normalizeHeader } from './header-match.js';
import { importTestKind } from './import.fixtures.js';

const index = kindHeaderIndex(importTestKind);

describe('header names', () => {
  const normalized: Record<string, string> = {
    网点名称: '网点名称',
    ' 网点 名称 ': '网点名称',
    '*网点名称': '网点名称',
    '网点名称*': '网点名称',
    '＊网点名称（必填）': '网点名称',
    'Site name (required)': 'sitename',
    '就业人数（人）': '就业人数',
    '就业人数(人)': '就业人数',
    '县（区）': '县',
    'ＳＩＴＥ　ＮＡＭＥ': 'sitename',
    '统一社会\n信用代码': '统一社会信用代码',
  };

  it('compares headers without spaces, full-width forms, marks of required and units', () => {
    for (const [header, expected] of Object.entries(normalized)) expect(normalizeHeader(header), header).toBe(expected);
  });

  it('names columns as Excel does', () => {
    expect([0, 3, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it.each(LOCALES)('matches every column of a kind by its %s header, its key and its bare key', (locale) => {
    for (const column of siteSheetColumns(importTestKind)) {
      for (const name of [column.header[locale], column.key]) {
        const match = matchHeaderRow([name, '网点名称'], 1, index);
        if (column.readOnly && column.key !== 'id') expect(match.ignored.map((entry) => entry.header), name).toContain(name);
        else expect(match.fields.get(column.key), name).toBe(0);
      }
    }
    expect(matchHeaderRow(['employees'], 1, index).fields.get('attributes.employees')).toBe(0);
  });
});

describe('matching a header row', () => {
  it('takes headers in any order, in either language, by key or synonym, and reports the rest', () => {
    const match = matchHeaderRow(['Grade', null, '信用代码', '手机', 'operator.name', '备注', '状态', '导入错误', '网点名称'], 1, index);
    expect(Object.fromEntries(match.fields)).toEqual({ 'attributes.grade': 0, 'operator.creditCode': 2, 'contact.phone': 3, 'operator.name': 4, name: 8 });
    expect(match.unknown).toEqual([{ header: '备注', cell: 'F1' }]);
    expect(match.ignored).toEqual([
      { header: '状态', cell: 'G1' },
      { header: '导入错误', cell: 'H1' },
    ]);
    expect(match.matched[0]).toEqual({ header: 'Grade', cell: 'A1', column: 'attributes.grade' });
  });

  it('finds the header row under title rows, and none without two known headers', () => {
    const rows = [['2026 年南关区网点名单'], [], ['网点名称', '详细地址'], ['南岭工坊', '自由大路 1 号']];
    expect(findHeaderRow(rows, index)?.headerRow).toBe(3);
    expect(findHeaderRow([['名单'], ['网点名称', '备注']], index)).toBeNull();
  });

  it('names both cells of a field given twice', () => {
    const match = matchHeaderRow(['网点名称', '联系电话', '手机'], 4, index);
    expect(match.duplicates).toEqual([{ column: 'contact.phone', cells: ['B4', 'C4'], headers: ['联系电话', '手机'] }]);
  });

  it('lists the required columns missing, the region given by its code or names', () => {
    const some = matchHeaderRow(['网点名称', '县（区）', '详细地址'], 1, index);
    const missing = missingColumns(some, index);
    expect(missing.region).toBe(false);
    expect(missing.columns.map((column) => column.key)).toEqual(['operator.name', 'operator.creditCode', 'contact.person', 'contact.phone', 'attributes.grade', 'attributes.employees', 'attributes.disabledEmployees']);
    const failure = missingColumnsFailure(missingColumns(matchHeaderRow(['网点名称', '省'], 1, index), index));
    expect(failure.code).toBe('file.missing_columns');
    expect(failure.messages['zh-CN']).toContain('详细地址');
    expect(failure.messages['zh-CN']).toContain('区划代码');
    expect(missingColumns(matchHeaderRow(['区划代码'], 1, index), index).region).toBe(false);
  });
});
