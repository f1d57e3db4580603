import { describe, expect, it } from 'vitest';
import { checkImportGrid } from '../import/check-rows.js';
import { checkContext, validRow, workbookOf } from '../import/import.fixtures.js';
import type { UnitBoundary } from './unit-boundary.js';

// Issue 12: an import row's point is checked against its county as a registration is, when the
// caller gives the boundaries (the API does): far is an error, just outside a warning.
// A square standing in for 南关区 around the fixture row's point (43.8868, 125.3245).
const SQUARE: UnitBoundary = { type: 'Polygon', coordinates: [[[125.2, 43.8], [125.45, 43.8], [125.45, 43.95], [125.2, 43.95], [125.2, 43.8]]] };
const boundaryOf = (code: string) => (code === '220102' ? SQUARE : null);

async function rowOf(cells: Parameters<typeof validRow>[0], withBoundaries = true) {
  const result = await checkImportGrid(workbookOf([validRow(cells)]), checkContext(withBoundaries ? { boundaryOf } : {}));
  if (!result.ok) throw new Error(result.failure.code);
  return result.rows[0];
}

describe('the location check of an import row', () => {
  it('inside: no issue, the row is imported', async () => {
    const row = await rowOf({});
    expect(row.issues).toEqual([]);
    expect(row.body).not.toBeNull();
  });

  it('far (Beijing for 南关区): an error at the latitude cell naming the county and the distance; the row is not imported', async () => {
    const row = await rowOf({ 纬度: 39.9087, 经度: 116.3975 });
    expect(row.body).toBeNull();
    expect(row.issues).toEqual([expect.objectContaining({ code: 'site.location_far_from_unit', column: 'location.lat', cell: 'H2', severity: 'error' })]);
    expect(row.issues[0].messages['zh-CN']).toMatch(/^坐标在南关区边界外约 \d+ 公里/);
  });

  it('just outside (about 5 km): a warning, the row is imported', async () => {
    const row = await rowOf({ 纬度: 43.995, 经度: 125.3245 });
    expect(row.body).not.toBeNull();
    expect(row.issues).toEqual([expect.objectContaining({ code: 'site.location_outside_unit', severity: 'warning' })]);
  });

  it('without boundaries (or for a unit without one) nothing is checked', async () => {
    expect((await rowOf({ 纬度: 39.9087, 经度: 116.3975 }, false)).issues).toEqual([]);
  });

  it('the point is converted from its system first', async () => {
    // 43.8868, 125.3245 given as GCJ-02 is ~500 m from itself in WGS-84: still inside
    const row = await rowOf({ 坐标系: 'GCJ-02' });
    expect(row.body?.location).toMatchObject({ system: 'gcj02' });
    expect(row.issues).toEqual([]);
  });
});
