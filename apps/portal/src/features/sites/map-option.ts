import type { Site } from '@sitenet/domain';
import { type BoundaryCollection, isBorderLine } from '#/features/boundaries/api';
import type { SiteKindDescription } from '#/features/kinds/types';

/**
 * The ECharts option of the site map (pure: plain objects, no ECharts import, so it is tested
 * without a canvas). Boundaries are a `geo` component; border lines (incl. the South China Sea
 * line) a `lines` series; the sites one `scatter` series per kind with the kind's marker.
 */

export type Position = [number, number];

/** The GeoJSON to register as the map (polygons only) and the border lines to draw as lines. */
export function splitBoundaries(collection: BoundaryCollection): { polygons: BoundaryCollection; borderLines: Position[][] } {
  const polygons = collection.features.filter((feature) => !isBorderLine(feature));
  const borderLines = collection.features.filter(isBorderLine).flatMap((feature): Position[][] => {
    const { type, coordinates } = feature.geometry;
    if (type === 'LineString') return [coordinates as Position[]];
    if (type === 'MultiLineString') return coordinates as Position[][];
    return [];
  });
  return { polygons: { ...collection, features: polygons }, borderLines };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface SiteMapInput {
  /** The name the boundaries were registered under (echarts.registerMap). */
  mapName: string;
  sites: Site[];
  kinds: SiteKindDescription[];
  borderLines: Position[][];
  kindLabel: (code: string) => string;
  /** The sentence that describes the map (also shown as text under it). */
  description: string;
}

const MARKER_SYMBOLS = new Set(['circle', 'rect', 'roundRect', 'triangle', 'diamond', 'pin', 'arrow']);

export function buildMapOption(input: SiteMapInput) {
  const kindCodes = [...new Set([...input.kinds.map((kind) => kind.code), ...input.sites.map((site) => site.kind)])];
  const shownKinds = kindCodes.filter((code) => input.sites.some((site) => site.kind === code));
  const markerOf = (code: string) => input.kinds.find((kind) => kind.code === code)?.marker;

  const siteSeries = shownKinds.map((code) => {
    const marker = markerOf(code);
    return {
      type: 'scatter' as const,
      id: `kind-${code}`,
      name: input.kindLabel(code),
      coordinateSystem: 'geo' as const,
      symbol: marker && MARKER_SYMBOLS.has(marker.symbol) ? marker.symbol : 'circle',
      symbolSize: 14,
      itemStyle: { color: marker?.color ?? '#0b57a4', borderColor: '#ffffff', borderWidth: 1.5 },
      emphasis: { scale: 1.4 },
      data: input.sites
        .filter((site) => site.kind === code)
        .map((site) => ({ id: site.id, name: site.name, value: [site.location.lng, site.location.lat] })),
      z: 3,
    };
  });

  const borderSeries = {
    type: 'lines' as const,
    id: 'borders',
    coordinateSystem: 'geo' as const,
    polyline: true,
    silent: true,
    lineStyle: { color: '#4a5361', width: 1.2, opacity: 1 },
    data: input.borderLines.map((coords) => ({ coords })),
    z: 2,
  };

  return {
    aria: { enabled: true, label: { description: input.description } },
    animation: false,
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { seriesName?: string; name?: string; value?: unknown }) => {
        const value = Array.isArray(params.value) ? (params.value as number[]) : [];
        const place = value.length === 2 ? `${value[1]!.toFixed(5)}, ${value[0]!.toFixed(5)}` : '';
        return [params.name, params.seriesName, place].filter(Boolean).map((part) => escapeHtml(String(part))).join('<br>');
      },
    },
    legend: {
      bottom: 0,
      data: siteSeries.map((series) => series.name),
      textStyle: { color: '#1b1f24', fontSize: 14 },
    },
    geo: {
      map: input.mapName,
      roam: true,
      silent: true,
      top: 16,
      bottom: 48,
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#6b7685', borderWidth: 0.8 },
      label: { show: false },
    },
    series: [borderSeries, ...siteSeries],
  };
}
