import type { GeoPoint, UnitLocationCheck } from '@sitenet/domain';
import type { CountyArea } from './county-area';
import { framedExtent } from './picker-option';

/**
 * The ECharts option of the read-only map on a site's page (pure: plain objects, tested without a
 * canvas): the province's counties as a `geo` component framed on the site's county (drawn
 * stronger), the site's point as one `scatter` marker. Nothing on it reacts to a pointer: the
 * reviewer reads it, the text beside it says the same.
 */

export interface PointMapInput {
  mapName: string;
  area: Pick<CountyArea, 'code' | 'extent'>;
  point: GeoPoint;
  /** The verdict of the point against the county: a point far away is left out of the frame. */
  check: UnitLocationCheck;
  /** The marker's name (the site's). */
  name: string;
}

/** The county's extent, grown to take in a point near or just outside it (not one far away, which would shrink the county to a dot). */
export function pointMapExtent(extent: CountyArea['extent'], point: GeoPoint, check: UnitLocationCheck): CountyArea['extent'] {
  if (check.verdict === 'far') return framedExtent(extent);
  const [[west, north], [east, south]] = extent;
  return framedExtent([
    [Math.min(west, point.lng), Math.max(north, point.lat)],
    [Math.max(east, point.lng), Math.min(south, point.lat)],
  ]);
}

export function buildPointMapOption(input: PointMapInput) {
  return {
    animation: false,
    // The element around the canvas is the image, named and described by the page's own text.
    aria: { enabled: false },
    geo: {
      map: input.mapName,
      nameProperty: 'code',
      roam: false,
      silent: true,
      boundingCoords: pointMapExtent(input.area.extent, input.point, input.check),
      top: 8,
      bottom: 8,
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#6b7685', borderWidth: 0.8 },
      regions: [{ name: input.area.code, itemStyle: { areaColor: '#e8f0fa', borderColor: '#0b3d6e', borderWidth: 2.5 } }],
      label: { show: false },
    },
    series: [
      {
        type: 'scatter' as const,
        id: 'site-point',
        name: input.name,
        coordinateSystem: 'geo' as const,
        silent: true,
        // ECharts draws a pin's tip at the symbol's position, its head above it.
        symbol: 'pin',
        symbolSize: 30,
        itemStyle: { color: '#a4262c', borderColor: '#ffffff', borderWidth: 2 },
        data: [{ name: input.name, value: [input.point.lng, input.point.lat] }],
        z: 5,
      },
    ],
  };
}
