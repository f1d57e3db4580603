import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from './api';
import { borderSeries, mapOptionBase, pointSeries, splitBoundaries, tooltipLines } from './map-series';

const collection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '220102', name: '南关区' }, geometry: { type: 'Polygon', coordinates: [[[125, 43], [126, 43], [126, 44], [125, 43]]] } },
    { type: 'Feature', properties: { code: null, name: '国界', kind: 'border' }, geometry: { type: 'LineString', coordinates: [[120, 40], [121, 41]] } },
    { type: 'Feature', properties: { code: null, name: '南海', kind: 'border' }, geometry: { type: 'MultiLineString', coordinates: [[[110, 10], [111, 11]], [[112, 12], [113, 13]]] } },
  ],
} as unknown as BoundaryCollection;

describe('map series', () => {
  it('registers only polygons and draws every border line (a MultiLineString is several lines)', () => {
    const { polygons, borderLines } = splitBoundaries(collection);
    expect(polygons.features.map((feature) => feature.properties.code)).toEqual(['220102']);
    expect(borderLines).toEqual([
      [[120, 40], [121, 41]],
      [[110, 10], [111, 11]],
      [[112, 12], [113, 13]],
    ]);
    expect(borderSeries(borderLines).data).toHaveLength(3);
  });

  it("draws points with the kind's marker, a circle for a symbol ECharts does not know", () => {
    const points = [{ id: 's1', name: '阳光工坊', lat: 43.88, lng: 125.32 }];
    const known = pointSeries({ id: 'kind-workshop', name: '工坊', marker: { symbol: 'diamond', color: '#123456' }, points }, 12);
    expect(known).toMatchObject({ symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#123456' }, data: [{ id: 's1', name: '阳光工坊', value: [125.32, 43.88] }] });
    expect(pointSeries({ id: 'x', name: 'x', marker: { symbol: 'image://evil', color: '#000' }, points }, 14).symbol).toBe('circle');
    expect(pointSeries({ id: 'x', name: 'x', marker: null, points }, 14).itemStyle.color).toBe('#0b57a4');
  });

  it('escapes tooltip text and leaves out empty lines', () => {
    expect(tooltipLines(['<b>A&B</b>', undefined, '', 'x'])).toBe('&#60;b&#62;A&#38;B&#60;/b&#62;<br>x');
    const base = mapOptionBase('描述', (params: { name: string }) => params.name);
    expect(base.aria.label.description).toBe('描述');
    expect(base.tooltip.formatter({ name: 'n' })).toBe('n');
  });
});
