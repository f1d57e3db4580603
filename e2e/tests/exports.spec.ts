import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningProduct } from '../support/product.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';
import { signInAs } from '../support/session.js';

/**
 * Issue 10 (exports): the demo district exports its filtered site list through the portal, as
 * xlsx and as GB18030 CSV for older Excel; both files hold exactly the sites the list shows.
 */
let product: RunningProduct;
let page: Page;

useProductAndBrowser(async (started, opened) => {
  product = started;
  page = opened;
  await signInAs(page, product.url, 'demo-district');
});

/** The export's read-only id column (domain sheets: siteSheetColumns). */
const ID_HEADER = '网点编号';
/** The list's filters: approved sites, all on one page so every row is on screen. */
const LIST = '/sites?status=approved&pageSize=500';

/** Chooses a file in the export control, presses 导出 and returns the file the browser saved. */
async function exportAs(choice: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('site-export-format').selectOption(choice);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('site-export-submit').click()]);
  const saved = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(saved) };
}

/** The ids in the column headed 网点编号 of each table (header row first). */
function idsOf(tables: string[][][]): string[] {
  return tables.flatMap(([header = [], ...rows]) => {
    const column = header.indexOf(ID_HEADER);
    expect(column).toBeGreaterThanOrEqual(0);
    return rows.map((row) => row[column] ?? '').filter(Boolean);
  });
}

describe('exporting the site list', () => {
  let shown: string[] = [];

  it('offers the export with the list, axe-clean', async () => {
    await page.goto(`${product.url}${LIST}`);
    await page.getByTestId('site-list-table').waitFor({ timeout: 20_000 });
    shown = (await page.getByTestId('site-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''))).sort();
    expect(shown.length).toBeGreaterThan(0);
    expect(await page.getByTestId('site-total').textContent()).toContain(String(shown.length));
    await expectNoAxeViolations(page);
  });

  it('saves an xlsx whose sheets hold exactly the sites shown', async () => {
    const file = await exportAs('xlsx');
    expect(file.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const tables = workbook.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
      return rows;
    });
    expect(idsOf(tables).sort()).toEqual(shown);
    await page.waitForFunction(() => document.querySelector('[data-testid="site-export-submit"]')?.textContent?.trim() === '导出');
  });

  it('saves a GB18030 CSV (no BOM) that older Excel reads, with the same sites', async () => {
    const file = await exportAs('csv-gb18030');
    expect(file.name).toMatch(/\.csv$/);
    expect(file.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = iconv.decode(file.bytes, 'gb18030');
    expect(text).toContain(ID_HEADER);
    const records: string[][] = parse(text, { relax_column_count: false });
    expect(idsOf([records]).sort()).toEqual(shown);
    // the list's filter went with it: every row is 已发布
    const status = records[0]?.indexOf('状态') ?? -1;
    expect(status).toBeGreaterThanOrEqual(0);
    expect(new Set(records.slice(1).map((row) => row[status]))).toEqual(new Set(['已发布']));
    await expectNoAxeViolations(page);
  });
});
