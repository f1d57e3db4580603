import { mapPointOf } from './draft-fields';
import type { BoundaryCollection, Site } from '@sitenet/domain';
import { isBorderLine } from '#/features/boundaries/api';
import { borderSeries, mapOptionBase, pointSeries, type Position, tooltipLines } from '#/features/boundaries/map-series';
import type { SiteKindDescription } from '#/features/kinds/types';
import { framedExtent } from './location/picker-option';

export { type Position, splitBoundaries } from '#/features/boundaries/map-series';

/**
 * The ECharts option of the site map (pure: plain objects, no ECharts import, so it is tested
 * without a canvas). Boundaries are a `geo` component; border lines (incl. the South China Sea
 * line) a `lines` series; the sites one `scatter` series per kind with the kind's marker.
 */

export interface SiteMapInput {
  /** The name the boundaries were registered under (echarts.registerMap). */
  mapName: string;
  sites: Site[];
  kinds: SiteKindDescription[];
  borderLines: Position[][];
  kindLabel: (code: string) => string;
  /** The sentence that describes the map (also shown as text under it). */
  description: string;
  /** The part of the boundaries the map opens on, drawn stronger (regionFocus); the whole of them when absent. */
  focus?: RegionFocus | null;
}

export type Extent = [[number, number], [number, number]];

export interface RegionFocus {
  /** [[west, north], [east, south]], with a margin: as ECharts' geo.boundingCoords takes it. */
  extent: Extent;
  /** The county-level polygons that make up the region. */
  codes: string[];
}

/**
 * The county-level polygons of a province that make up `regionCode`: a county (or a prefecture-level
 * city without counties, 东莞) itself, a township's county, a prefecture's counties. None for a
 * province or the country: the map shows all it has.
 */
function partsOf(collection: BoundaryCollection, regionCode: string) {
  const county = regionCode.slice(0, 6);
  if (!/^\d{6}$/.test(county) || county.endsWith('0000')) return [];
  const polygons = collection.features.filter((feature) => !isBorderLine(feature));
  const exact = polygons.filter((feature) => feature.properties.code === county);
  if (exact.length) return exact;
  const prefecture = county.endsWith('00') ? county.slice(0, 4) : null;
  return prefecture ? polygons.filter((feature) => feature.properties.code?.startsWith(prefecture)) : [];
}

/**
 * The region the site map opens on (the user's own county, prefecture, or a region chosen in the
 * filters) in the boundaries drawn: its polygons and their extent with a margin; null when the
 * whole drawing is the region (a province, the country) or the region has no polygon there.
 */
export function regionFocus(collection: BoundaryCollection, regionCode: string | null): RegionFocus | null {
  if (!regionCode) return null;
  const parts = partsOf(collection, regionCode);
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of parts) {
    const { type, coordinates } = feature.geometry;
    const polygons = (type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : []) as Position[][][];
    for (const polygon of polygons) {
      for (const [lng, lat] of polygon[0] ?? []) {
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  if (!(west <= east && south <= north)) return null;
  return { extent: framedExtent([[west, north], [east, south]]), codes: parts.map((feature) => feature.properties.code!) };
}

export function buildMapOption(input: SiteMapInput) {
  const kindCodes = [...new Set([...input.kinds.map((kind) => kind.code), ...input.sites.map((site) => site.kind)])];
  const shownKinds = kindCodes.filter((code) => input.sites.some((site) => site.kind === code));
  const markerOf = (code: string) => input.kinds.find((kind) => kind.code === code)?.marker;

  const siteSeries = shownKinds.map((code) => ({
    ...pointSeries(
      {
        id: `kind-${code}`,
        name: input.kindLabel(code),
        marker: markerOf(code),
        points: input.sites.filter((site) => site.kind === code).flatMap((site) => mapPointOf(site) ?? []),
      },
      14,
    ),
    emphasis: { scale: 1.4 },
  }));

  return {
    ...mapOptionBase(input.description, (params: { seriesName?: string; name?: string; value?: unknown }) => {
      const value = Array.isArray(params.value) ? (params.value as number[]) : [];
      const place = value.length === 2 ? `${value[1]!.toFixed(5)}, ${value[0]!.toFixed(5)}` : '';
      return tooltipLines([params.name, params.seriesName, place]);
    }),
    legend: {
      bottom: 0,
      data: siteSeries.map((series) => series.name),
      textStyle: { color: '#1b1f24', fontSize: 14 },
    },
    geo: {
      map: input.mapName,
      roam: true,
      silent: true,
      ...(input.focus
        ? {
            boundingCoords: input.focus.extent,
            nameProperty: 'code',
            regions: input.focus.codes.map((code) => ({ name: code, itemStyle: { areaColor: '#e8f0fa', borderColor: '#0b3d6e', borderWidth: 2 } })),
          }
        : {}),
      top: 16,
      bottom: 48,
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#6b7685', borderWidth: 0.8 },
      label: { show: false },
    },
    series: [borderSeries(input.borderLines), ...siteSeries],
  };
}
