import { readFile } from 'node:fs/promises';
import { siteSheetColumns, sheetCell, type SheetColumn, type SiteKindDefinition } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { creditCode } from '../support/sites.js';
import { expectNoAxeViolations, useSignedInProduct } from '../support/suite.js';

/**
 * Issue 10 (import), as a district clerk does it in the portal: download the template, fill it
 * (five good rows and four wrong ones), upload it, see each error with its cell, fix the file,
 * upload it again, commit, find the sites in the list and on the map; then export the list as a
 * GB18030 CSV and upload that: every row unchanged, nothing to commit. axe on every state.
 */
const run = useSignedInProduct('demo-district');

const KIND: SiteKindDefinition = installedKinds.find((kind) => kind.code === 'auxiliary-workshop')!;
const COLUMNS = siteSheetColumns(KIND);
/** Names of this run's sites, to find them (and only them) in the list. */
const PREFIX = `导入测试${Date.now() % 100_000}`;

interface RowValues {
  name: string;
  county: string;
  creditCode: string;
  phone: string;
}

/** The values of one row by column key (the kind's example for its own fields). */
function valuesOf(row: RowValues): Record<string, unknown> {
  return {
    name: row.name,
    'region.province': '吉林省',
    'region.prefecture': '长春市',
    'region.county': row.county,
    address: `${row.county}导入测试路1号`,
    'location.lat': 43.8601,
    'location.lng': 125.3512,
    'location.system': 'wgs84',
    'operator.name': `${row.name}运营单位`,
    'operator.creditCode': row.creditCode,
    'contact.person': '导入测试',
    'contact.phone': row.phone,
    ...Object.fromEntries(Object.entries(KIND.examples.valid).map(([key, value]) => [`attributes.${key}`, value])),
  };
}

/** A valid code with a wrong check character. */
function wrongCheck(code: string): string {
  const last = code.at(-1)!;
  return code.slice(0, -1) + (last === '0' ? '1' : '0');
}

function letter(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

/** The template's sheet of the kind and its columns (header text → column), as the browser saved it. */
async function templateSheet(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const byHeader = new Map(COLUMNS.map((column) => [column.header['zh-CN'], column]));
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((value) => String(value ?? '').replace(/^\*/, '').trim());
    const columns = headers.map((header) => byHeader.get(header) ?? null);
    if (columns.some((column) => column?.key === 'name')) return { workbook, sheet, columns };
  }
  throw new Error('the template has no sheet with the kind’s columns');
}

/** Fills the template's kind sheet with `rows` (from sheet row 2) and returns the file's bytes. */
async function filled(template: Buffer, rows: RowValues[]): Promise<{ bytes: Buffer; columns: (SheetColumn | null)[] }> {
  const { workbook, sheet, columns } = await templateSheet(template);
  rows.forEach((row, index) => {
    const values = valuesOf(row);
    columns.forEach((column, at) => {
      if (!column || column.readOnly) return;
      const cell = sheetCell(column, values[column.key], 'zh-CN');
      if (cell !== null) sheet.getCell(index + 2, at + 1).value = cell;
    });
  });
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), columns };
}

/** Presses a download button and returns the file the browser saved. */
async function download(testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([run.page.waitForEvent('download', { timeout: 60_000 }), run.page.getByTestId(testid).click()]);
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
}

/** Uploads a file on the kind's import page and waits for the job's page to show it checked. */
async function upload(name: string, bytes: Buffer, mimeType: string): Promise<string> {
  await run.page.goto(`${run.product.url}/sites/import/${KIND.code}`);
  await run.page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: bytes });
  await run.page.getByTestId('import-file-chosen').waitFor();
  await run.page.getByTestId('import-upload').click();
  await run.page.waitForURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await run.page.locator('[data-testid="import-job-status"][data-status="checked"]').waitFor({ timeout: 120_000 });
  return run.page.url().split('/').at(-1)!;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const good = Array.from({ length: 5 }, (_, index) => ({ name: `${PREFIX}网点${index + 1}`, county: '南关区', creditCode: creditCode(), phone: '0431-88886666' }));

describe('importing a filled template through the portal', () => {
  let template: Buffer;
  let columns: (SheetColumn | null)[] = [];

  it('offers the template, the limits and the help on the kind’s import page, axe-clean', async () => {
    await run.page.goto(`${run.product.url}/sites/import/${KIND.code}`);
    await run.page.getByTestId('import-heading').waitFor();
    expect(await run.page.getByTestId('import-limits').textContent()).toContain('20 MB');
    await run.page.getByTestId('recent-imports').waitFor();
    await expectNoAxeViolations(run.page);

    const file = await download('import-template');
    expect(file.name).toMatch(/\.xlsx$/);
    template = file.bytes;
  });

  it('lists each wrong row with the cell of its error, and offers the file with an error column', async () => {
    const rows = [
      ...good,
      { name: `${PREFIX}坏电话`, county: '南关区', creditCode: creditCode(), phone: '12345' },
      { name: `${PREFIX}坏代码`, county: '南关区', creditCode: wrongCheck(creditCode()), phone: '0431-88886666' },
      { name: `${PREFIX}外区`, county: '朝阳区', creditCode: creditCode(), phone: '0431-88886666' },
      { ...good[1] },
    ];
    const file = await filled(template, rows);
    columns = file.columns;
    await upload('名单-有错.xlsx', file.bytes, XLSX);

    await run.page.getByTestId('import-row').first().waitFor();
    const errorRows = await run.page.getByTestId('import-row').evaluateAll((found) => found.map((row) => Number(row.getAttribute('data-row'))));
    expect(errorRows).toEqual([6, 7, 8, 9]);
    const cells = await run.page.getByTestId('import-issue-cell').allTextContents();
    const at = (key: string) => letter(columns.findIndex((column) => column?.key === key));
    expect(cells).toContain(`${at('contact.phone')}7`);
    expect(cells).toContain(`${at('operator.creditCode')}8`);
    for (const cell of cells) expect(cell).toMatch(/^[A-Z]{1,2}\d+$/);
    expect(await run.page.getByTestId('import-commit').getAttribute('aria-disabled')).toBe('true');
    await expectNoAxeViolations(run.page);

    const annotated = await download('import-annotated');
    expect(annotated.bytes.length).toBeGreaterThan(0);
  });

  it('takes the corrected file, commits it, and the sites are in the list and on the map', async () => {
    const rows = [
      ...good,
      { name: `${PREFIX}网点6`, county: '南关区', creditCode: creditCode(), phone: '0431-88886666' },
      { name: `${PREFIX}网点7`, county: '南关区', creditCode: creditCode(), phone: '0431-88886666' },
      { name: `${PREFIX}网点8`, county: '南关区', creditCode: creditCode(), phone: '0431-88886666' },
      { name: `${PREFIX}网点9`, county: '南关区', creditCode: creditCode(), phone: '0431-88886666' },
    ];
    await upload('名单.xlsx', (await filled(template, rows)).bytes, XLSX);
    expect(await run.page.locator('[data-count="errors"]').textContent()).toBe('有错误 0 行');
    expect(await run.page.locator('[data-count="create"]').textContent()).toBe('新建 9 个');

    await run.page.getByTestId('import-commit').click();
    await run.page.getByTestId('import-commit-dialog').waitFor();
    await expectNoAxeViolations(run.page);
    await run.page.getByTestId('import-commit-confirm').click();
    await run.page.getByTestId('import-committed').waitFor({ timeout: 120_000 });
    await expectNoAxeViolations(run.page);

    await run.page.getByTestId('import-sites-link').click();
    await run.page.waitForURL(/\/sites\?.*status=draft/);
    await run.page.goto(`${run.product.url}/sites?q=${encodeURIComponent(PREFIX)}&pageSize=50`);
    await run.page.waitForFunction(() => document.querySelectorAll('[data-testid="site-row"]').length === 9, undefined, { timeout: 20_000 });
    const listed = await run.page.getByTestId('site-list-table').textContent();
    for (const row of rows) expect(listed).toContain(row.name);

    await run.page.goto(`${run.product.url}/sites/map?q=${encodeURIComponent(PREFIX)}`);
    await run.page.getByTestId('site-map-table').waitFor();
    await run.page.waitForFunction(() => document.querySelectorAll('[data-testid="site-map-row"]').length === 9, undefined, { timeout: 20_000 });
  });

  it('imports the list exported as a GB18030 CSV as unchanged rows, with nothing to commit', async () => {
    await run.page.goto(`${run.product.url}/sites?q=${encodeURIComponent(PREFIX)}&kind=${KIND.code}&pageSize=50`);
    await run.page.getByTestId('site-list-table').waitFor({ timeout: 20_000 });
    await run.page.getByTestId('site-export-format').selectOption('csv-gb18030');
    const exported = await download('site-export-submit');
    expect(exported.name).toMatch(/\.csv$/);

    await upload(exported.name, exported.bytes, 'text/csv');
    expect(await run.page.locator('[data-count="errors"]').textContent()).toBe('有错误 0 行');
    expect(await run.page.locator('[data-count="unchanged"]').textContent()).toBe('无变化 9 行');
    expect(await run.page.getByTestId('import-commit').getAttribute('aria-disabled')).toBe('true');
    expect(await run.page.getByTestId('import-commit-blocked').textContent()).toContain('没有需要提交的行');
    await expectNoAxeViolations(run.page);
  });
});
