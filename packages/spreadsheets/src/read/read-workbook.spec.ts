import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read-workbook.js';
import { xlsxFixture, utf8CsvFixture } from '../testing/fixtures.js';

describe('smoke', () => {
  it('reads an xlsx', async () => {
    const bytes = await xlsxFixture([['名称', '人数'], ['甲', 3], ['乙', null]], { hiddenRows: [3] });
    const result = await readWorkbook(bytes, 'a.xlsx');
    console.log(JSON.stringify(result));
    expect(result.ok).toBe(true);
  });
  it('reads a csv', async () => {
    const result = await readWorkbook(utf8CsvFixture([['名称', '人数'], ['甲', '="0431"']]), 'a.csv');
    console.log(JSON.stringify(result));
    expect(result.ok).toBe(true);
  });
});
