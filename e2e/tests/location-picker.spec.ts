import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gcj02ToWgs84, type GeoPoint, wgs84ToGcj02 } from '@sitenet/domain';
import type { RunningProduct } from '../support/product.js';
import { signInAs } from '../support/session.js';
import { expectNoAxeViolations, useProductAndBrowser } from '../support/suite.js';

/**
 * Issue 12, the location picker with the keyboard alone: 南关区's district clerk opens the new-site
 * form and, with Tab / Shift+Tab, Enter, Space, the arrow keys and typing only (no clicks),
 * opens "在地图上选点", moves the point on the map with the arrows (Up: north, Right: east,
 * Shift: a larger step), hears and sees the coordinates and the check against 南关区, and finds
 * the point in the typed coordinate fields in WGS-84. Then pastes a 高德 (GCJ-02) "lng,lat" and
 * finds the WGS-84 point, a few hundred metres from the pasted numbers, in the typed fields.
 * axe-clean with the map open at 1280 and 390 px.
 */
const KIND = 'auxiliary-workshop';
/** A point inside 南关区 in WGS-84 (the offline suite registers a site there). */
const IN_NANGUAN: GeoPoint = { lat: 43.8601, lng: 125.3512 };
const METRES_PER_DEGREE = 111_320;
let product: RunningProduct;
let page: Page;

useProductAndBrowser(async (started, opened) => {
  product = started;
  page = opened;
  await signInAs(page, product.url, 'demo-district');
});

/** The test id of the element that has the focus (or of its closest ancestor with one). */
async function focusedTestId(): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

/** Presses Tab (or Shift+Tab) until the element with `testid` has the focus; fails after `limit` presses. */
async function tabTo(testid: string, { back = false, limit = 120 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if ((await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testid))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${testid} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${limit} presses (focus on ${await focusedTestId()})`);
}

/** The point "当前位置：纬度 43.860100，经度 125.351200（WGS-84）" shows. */
async function shownPoint(): Promise<GeoPoint> {
  const text = (await page.getByTestId('location-current').textContent()) ?? '';
  const match = /纬度 (-?[\d.]+)，经度 (-?[\d.]+)/.exec(text);
  if (!match) throw new Error(`no coordinates in "${text}"`);
  return { lat: Number(match[1]), lng: Number(match[2]) };
}

/** The point in the typed latitude and longitude fields. */
async function typedPoint(): Promise<GeoPoint> {
  return { lat: Number(await page.getByTestId('field-location.lat').inputValue()), lng: Number(await page.getByTestId('field-location.lng').inputValue()) };
}

/** Presses `key` on the focused map and waits until the shown point is another one; returns it. */
async function move(key: string): Promise<GeoPoint> {
  const before = await page.getByTestId('location-current').textContent();
  await page.keyboard.press(key);
  await page.waitForFunction((text) => document.querySelector('[data-testid="location-current"]')?.textContent !== text, before, { timeout: 5_000 });
  return shownPoint();
}

/** Waits until the page's polite live region says something containing `text`. */
async function announced(text: string): Promise<void> {
  const said = () => page.getByTestId('live-announcer').textContent();
  await page
    .waitForFunction((expected) => document.querySelector('[data-testid="live-announcer"]')?.textContent?.includes(expected) ?? false, text, { timeout: 5_000 })
    .catch(async () => expect(await said(), 'the live region').toContain(text));
}

const six = (value: number) => value.toFixed(6);
const metresNorth = (from: GeoPoint, to: GeoPoint) => (to.lat - from.lat) * METRES_PER_DEGREE;
const metresEast = (from: GeoPoint, to: GeoPoint) => (to.lng - from.lng) * METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180);

describe('the location picker with the keyboard alone', () => {
  it('opens the map, moves the point with the arrow keys, says where it is and fills in the typed fields', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${product.url}/sites/new?kind=${KIND}`);
    await page.getByTestId('kind-fields').waitFor({ timeout: 15_000 });
    // The county's boundary has loaded: the picker offers its map.
    await page.getByTestId('location-open-map').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('location-current').textContent()).toContain('尚未选择位置');

    await tabTo('location-open-map');
    expect(await page.getByTestId('location-open-map').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await page.getByTestId('location-map-region').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('location-open-map').getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(() => document.querySelector('[data-testid="location-map"]')?.getAttribute('aria-busy') === 'false', undefined, { timeout: 15_000 });

    await tabTo('location-map-region');
    expect(await page.getByTestId('location-map-region').getAttribute('role')).toBe('application');
    // The first arrow puts the point in the county's middle; the announcement says where and what the check found.
    const start = await move('ArrowUp');
    await announced(`纬度 ${six(start.lat)}，经度 ${six(start.lng)}`);
    await announced('位置在南关区范围内');
    expect(await page.getByTestId('location-check').getAttribute('data-verdict')).toBe('inside');
    expect(await page.getByTestId('location-check').textContent()).toContain('位置在南关区范围内。');

    const up = await move('ArrowUp');
    expect(metresNorth(start, up)).toBeGreaterThan(15);
    expect(metresNorth(start, up)).toBeLessThan(25);
    expect(up.lng).toBe(start.lng);
    await announced(`纬度 ${six(up.lat)}，经度 ${six(up.lng)}`);

    const right = await move('ArrowRight');
    expect(metresEast(up, right)).toBeGreaterThan(15);
    expect(metresEast(up, right)).toBeLessThan(25);
    expect(right.lat).toBe(up.lat);
    await announced(`纬度 ${six(right.lat)}，经度 ${six(right.lng)}`);

    const far = await move('Shift+ArrowUp');
    expect(metresNorth(right, far)).toBeGreaterThan(450);
    expect(metresNorth(right, far)).toBeLessThan(550);
    const back = await move('ArrowLeft');
    expect(back.lng).toBeLessThan(far.lng);
    const south = await move('Shift+ArrowDown');
    expect(metresNorth(back, south)).toBeLessThan(-450);
    await announced(`纬度 ${six(south.lat)}，经度 ${six(south.lng)}`);
    // The focus stayed on the map all along; the point is still in 南关区.
    expect(await focusedTestId()).toBe('location-map-region');
    expect(await page.getByTestId('location-check').getAttribute('data-verdict')).toBe('inside');

    // The typed fields have the picked point, in WGS-84.
    expect(await typedPoint()).toEqual(south);
    expect(await page.getByTestId('field-location.system').inputValue()).toBe('wgs84');
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('location-map-region').waitFor();
    // The map's canvas follows the narrower screen (a ResizeObserver redraws it a frame later): no sideways scrolling.
    await page
      .waitForFunction(() => document.documentElement.scrollWidth <= 390, undefined, { timeout: 5_000 })
      .catch(async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390));
    await expectNoAxeViolations(page);
  });

  it('takes a pasted 高德 (GCJ-02) "lng,lat" and stores it in WGS-84, a few hundred metres away', async () => {
    const gcj = wgs84ToGcj02(IN_NANGUAN);
    const pasted = { lat: Number(gcj.lat.toFixed(6)), lng: Number(gcj.lng.toFixed(6)) };
    const expected = gcj02ToWgs84(pasted);

    await tabTo('location-open-paste', { back: true });
    await page.keyboard.press('Space');
    await page.getByTestId('location-paste').waitFor();
    // The map closed: one panel at a time.
    expect(await page.getByTestId('location-map').count()).toBe(0);

    await tabTo('location-paste-text');
    // 高德's coordinate picker copies "lng,lat"; insertText is what a paste puts in the field.
    await page.keyboard.insertText(`${pasted.lng},${pasted.lat}`);
    await page.getByTestId('location-paste-read').waitFor();
    await tabTo('location-paste-system');
    expect(await page.getByTestId('location-paste-system').inputValue()).toBe('wgs84');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('location-paste-system').inputValue()).toBe('gcj02');
    expect(await page.getByTestId('location-paste-read').textContent()).toContain(`换算为 WGS-84：纬度 ${expected.lat}，经度 ${expected.lng}`);

    await tabTo('location-paste-use');
    await page.keyboard.press('Enter');
    await announced(`位置已设为纬度 ${six(expected.lat)}，经度 ${six(expected.lng)}`);

    const stored = await typedPoint();
    expect(stored).toEqual(expected);
    expect(await page.getByTestId('field-location.system').inputValue()).toBe('wgs84');
    expect(Math.abs(stored.lat - IN_NANGUAN.lat)).toBeLessThan(2e-6);
    expect(Math.abs(stored.lng - IN_NANGUAN.lng)).toBeLessThan(2e-6);
    // The GCJ-02 offset here: a few hundred metres (west and south of the pasted numbers).
    const offset = Math.hypot(metresNorth(pasted, stored), metresEast(pasted, stored));
    expect(offset).toBeGreaterThan(200);
    expect(offset).toBeLessThan(900);
    expect(stored.lng).toBeLessThan(pasted.lng);
    expect(await shownPoint()).toEqual(stored);
    expect(await page.getByTestId('location-check').getAttribute('data-verdict')).toBe('inside');
    await expectNoAxeViolations(page);
  });
});
