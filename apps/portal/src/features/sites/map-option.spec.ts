import type { BoundaryCollection } from '@sitenet/domain';
import { describe, expect, it } from 'vitest';
import { regionFocus } from './map-option';

/** A province's county polygons as the API serves them: squares of 1° (a hole in the first), and a border line. */
function counties(codes: string[]): BoundaryCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...codes.map((code, index) => ({
        type: 'Feature' as const,
        properties: { code, name: code },
        geometry: {
          type: index === 0 ? 'MultiPolygon' : 'Polygon',
          coordinates:
            index === 0
              ? [[[[110, 20], [111, 20], [111, 21], [110, 21], [110, 20]], [[110.2, 20.2], [110.4, 20.2], [110.4, 20.4], [110.2, 20.2]]]]
              : [[[110 + index, 20], [111 + index, 20], [111 + index, 21], [110 + index, 21], [110 + index, 20]]],
        },
      })),
      { type: 'Feature' as const, properties: { code: null, kind: 'border' }, geometry: { type: 'LineString', coordinates: [[100, 10], [130, 30]] } },
    ],
  };
}

const rounded = (focus: ReturnType<typeof regionFocus>) => focus?.extent.flat().map((value) => Math.round(value * 100) / 100);

describe('regionFocus', () => {
  const guangdong = counties(['441900', '442000', '440103']);

  it('frames a county, or a prefecture-level city without counties, with a tenth of its size around it', () => {
    expect(rounded(regionFocus(guangdong, '441900'))).toEqual([109.9, 21.1, 111.1, 19.9]);
    expect(rounded(regionFocus(guangdong, '440103'))).toEqual([111.9, 21.1, 113.1, 19.9]);
  });

  it("frames a township by its county and a prefecture by its counties", () => {
    expect(rounded(regionFocus(guangdong, '440103001000'))).toEqual([111.9, 21.1, 113.1, 19.9]);
    const guangzhou = regionFocus(counties(['440103', '440104', '440203']), '440100');
    expect(rounded(guangzhou)).toEqual([109.8, 21.1, 112.2, 19.9]);
    expect(guangzhou?.codes).toEqual(['440103', '440104']);
  });

  it('frames nothing for the country, a province, or a region the drawing does not have', () => {
    expect(regionFocus(guangdong, null)).toBeNull();
    expect(regionFocus(guangdong, '440000')).toBeNull();
    expect(regionFocus(guangdong, '445300')).toBeNull();
  });
});
