import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningProduct } from '../support/product.js';
import { signInAs } from '../support/session.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';

/**
 * Issue 11: outcome figures reported, reviewed and counted, as people in their browsers — 南关区's
 * staff report the last closed quarter, 长春市 returns it with a reason, staff correct and submit
 * again, 长春市 approves, and the provincial dashboard's 新增就业 target (jl-new-employment,
 * cumulative from 2025) moves by the approved figure. Each page axe-clean, and usable at 390 px.
 */
const TARGET = 'jl-new-employment';
const REASON = '新增就业人数与台账不符，请核对';

let product: RunningProduct;
let staff: Page;
let reviewer: Page;
let province: Page;

useProductAndBrowser(async (started, page) => {
  product = started;
  staff = page;
  await signInAs(staff, product.url, 'demo-district');
  reviewer = await staff.context().newPage(); // sessionStorage is per tab: one account per tab
  await signInAs(reviewer, product.url, 'demo-prefecture');
  province = await staff.context().newPage();
  await signInAs(province, product.url, 'demo-province');
});
afterAll(async () => {
  await reviewer?.close();
  await province?.close();
});

const card = () => province.locator(`[data-testid="target-card"][data-target-id="${TARGET}"]`);
const status = (page: Page) => page.getByTestId('report-status').first().getAttribute('data-status');
async function waitForStatus(page: Page, wanted: string) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="report-status"]')?.getAttribute('data-status') === s, wanted, { timeout: 15_000 });
}

/** Types a number into every total of the form (breakdowns stay empty): `newEmployment` for 新增就业, 0 elsewhere. */
async function fillTotals(page: Page, newEmployment: string) {
  const totals = page.locator('[data-testid^="figure-"][data-testid$=".value"], [data-testid$=".numerator"], [data-testid$=".denominator"]');
  for (const input of await totals.all()) {
    const testid = (await input.getAttribute('data-testid'))!;
    await input.fill(testid === 'figure-new-employment.value' ? newEmployment : testid.endsWith('.denominator') ? '1' : '0');
  }
}

let period: string;
let progressBefore: string | null;

/** The actual figure a target card's progress line states ("实际 17,300 人 / 要求 25,000 人（69%）" → 17300). */
function actualOf(progress: string | null): number {
  const match = /实际\s*([\d,]+)/.exec(progress ?? '');
  if (!match) throw new Error(`no actual figure in the progress line: ${progress}`);
  return Number(match[1].replaceAll(',', ''));
}

describe('outcome figures from report to dashboard', () => {
  it("shows the province's 新增就业 target before anything is reported", async () => {
    await province.goto(`${product.url}/dashboard?region=220000`);
    await card().waitFor({ timeout: 30_000 });
    progressBefore = await card().getByTestId('target-progress').textContent();
  });

  it('district staff open the last closed quarter from the nav, see what is missing, and submit', async () => {
    await staff.goto(`${product.url}/sites`); // signed in now: the nav offers the outcome pages
    await staff.getByTestId('nav-outcome-reports').click();
    await staff.getByTestId('report-form').waitFor({ timeout: 15_000 });
    period = new URL(staff.url()).searchParams.get('period') ?? (await staff.getByTestId('choose-period').inputValue());
    expect(period).toMatch(/^\d{4}-Q[1-4]$/);
    await expectNoAxeViolations(staff);

    await staff.getByTestId('submit-report').click();
    const summary = staff.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('新增城乡残疾人就业');
    await expectNoAxeViolations(staff);

    await fillTotals(staff, '40');
    await staff.getByTestId('submit-report').click();
    await waitForStatus(staff, 'submitted');
    expect(await staff.getByTestId('action-result').textContent()).toContain('已提交审核');
  });

  it('the prefecture returns it with a reason, in a dialog', async () => {
    await reviewer.goto(`${product.url}/outcomes/report?region=220102&period=${period}`);
    await reviewer.getByTestId('return-report').waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(reviewer);
    await reviewer.getByTestId('return-report').click();
    await reviewer.getByTestId('reason-dialog').waitFor();
    await expectNoAxeViolations(reviewer);
    await reviewer.getByTestId('reason-input').fill(REASON);
    await reviewer.getByTestId('reason-confirm').click();
    await waitForStatus(reviewer, 'returned');
  });

  it('district staff read the reason at the top, correct the figure and submit again', async () => {
    await staff.reload();
    await staff.getByTestId('return-reason').waitFor({ timeout: 15_000 });
    expect(await staff.getByTestId('return-reason').textContent()).toContain(REASON);
    await staff.getByTestId('figure-new-employment.value').fill('42');
    await staff.getByTestId('submit-report').click();
    await waitForStatus(staff, 'submitted');
    expect(await staff.locator('[data-testid="report-history-entry"][data-action="return"]').textContent()).toContain(REASON);
  });

  it('the prefecture sees the unit reported on its progress page and approves', async () => {
    await reviewer.goto(`${product.url}/outcomes/completeness?period=${period}`);
    const row = reviewer.locator('[data-testid="completeness-row"][data-code="220102"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-status')).toBe('submitted');
    await expectNoAxeViolations(reviewer);
    await row.locator('a').click();
    await reviewer.getByTestId('approve-report').click();
    await waitForStatus(reviewer, 'approved');
    expect(await status(reviewer)).toBe('approved');
  });

  it("moves the province's 新增就业 target by the approved figure", async () => {
    await province.getByTestId('dashboard-refresh').click();
    await province.waitForFunction(
      ({ target, before }) => document.querySelector(`[data-testid="target-card"][data-target-id="${target}"] [data-testid="target-progress"]`)?.textContent !== before,
      { target: TARGET, before: progressBefore },
      { timeout: 20_000 },
    );
    // the card's actual figure grew by exactly the approved 42 (the demo data has figures of its own)
    expect(actualOf(await card().getByTestId('target-progress').textContent())).toBe(actualOf(progressBefore) + 42);
  });

  it('fits a phone: the report and progress pages do not scroll sideways at 390 px', async () => {
    await reviewer.setViewportSize({ width: 390, height: 844 });
    for (const path of [`/outcomes/report?region=220102&period=${period}`, `/outcomes/completeness?period=${period}`]) {
      await reviewer.goto(`${product.url}${path}`);
      await reviewer.getByTestId(path.includes('completeness') ? 'completeness-table' : 'report-values').waitFor({ timeout: 15_000 });
      expect(await reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  });
});
