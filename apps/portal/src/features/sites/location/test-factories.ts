import type { BoundaryCollection } from '@sitenet/domain';

/**
 * A province's county boundaries for the picker's tests: 南关区 (220102) as a square 0.3° wide
 * (lng 125.2–125.5, lat 43.7–44.0), a neighbour, and a border line, as GET /boundaries/counties/22
 * answers. Points: inside, ~5 km east of the border (confirmable), Beijing (far).
 */
export const NANGUAN_SQUARE = { west: 125.2, east: 125.5, south: 43.7, north: 44 } as const;

export const POINTS = {
  inside: { lat: 43.85, lng: 125.35 },
  fiveKmEast: { lat: 43.85, lng: 125.5625 },
  beijing: { lat: 39.9087, lng: 116.3975 },
} as const;

function square(west: number, south: number, east: number, north: number): number[][][] {
  return [[[west, south], [east, south], [east, north], [west, north], [west, south]]];
}

export function countyCollection(): BoundaryCollection {
  const { west, east, south, north } = NANGUAN_SQUARE;
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: '220102', name: '南关区', parent: '220100' }, geometry: { type: 'Polygon', coordinates: square(west, south, east, north) } },
      { type: 'Feature', properties: { code: '220103', name: '宽城区', parent: '220100' }, geometry: { type: 'Polygon', coordinates: square(east, south, east + 0.3, north) } },
      { type: 'Feature', properties: { code: null, kind: 'border' }, geometry: { type: 'LineString', coordinates: [[120, 40], [121, 41]] } },
    ],
  };
}
