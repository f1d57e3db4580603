import type { Page } from 'playwright-core';

/**
 * Fills a field of the site form by its dotted path (`name`, `operator.creditCode`,
 * `attributes.participants`), whatever control the portal rendered for it from the kind's
 * schema: text, number, date, select, a radio or checkbox group, a switch, or a list editor.
 */
export async function fillField(page: Page, path: string, value: unknown): Promise<void> {
  const field = page.getByTestId(`field-${path}`).first();
  await field.waitFor();
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  const type = await field.evaluate((el) => (el as HTMLInputElement).type ?? '');
  if (tag === 'select') {
    await field.selectOption(String(value));
  } else if (tag === 'input' && type === 'checkbox') {
    await field.setChecked(Boolean(value));
  } else if (tag === 'input' || tag === 'textarea') {
    await field.fill(String(value));
  } else if (await page.getByTestId(`add-${path}`).count()) {
    for (const [i, item] of (value as unknown[]).entries()) {
      await page.getByTestId(`add-${path}`).click();
      await page.getByTestId(`field-${path}.${i}`).fill(String(item));
    }
  } else if (Array.isArray(value)) {
    for (const item of value) await field.locator(`input[value="${String(item)}"]`).check();
  } else if (typeof value === 'boolean') {
    await field.locator('input[type="checkbox"]').setChecked(value);
  } else {
    await field.locator(`input[value="${String(value)}"]`).check();
  }
}

/** The levels a region cascade shows fixed (the user's jurisdiction: a district user's county), as text. */
export async function fixedRegion(page: Page, testid: string): Promise<string> {
  const within = page.getByTestId(testid).getByTestId('region-within');
  await within.waitFor();
  return (await within.textContent()) ?? '';
}

/** Picks province → prefecture → county (→ township) in a region cascade. */
export async function pickRegion(page: Page, testid: string, codes: string[]): Promise<void> {
  const selects = page.getByTestId(testid).getByTestId('region-select');
  for (const [depth, code] of codes.entries()) {
    await selects.nth(depth).waitFor();
    await page.waitForFunction(
      ({ testid: id, depth: d, code: c }) => !!document.querySelector(`[data-testid="${id}"] [data-testid="region-select"]:nth-of-type(1)`) && [...document.querySelectorAll(`[data-testid="${id}"] [data-testid="region-select"]`)][d]?.querySelector(`option[value="${c}"]`),
      { testid, depth, code },
    );
    await selects.nth(depth).selectOption(code);
  }
}
