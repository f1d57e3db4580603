import { type BoundaryCollection, isBorderLine } from './api';

/**
 * Pieces of the ECharts options of the maps drawn from these boundaries (the site map and the
 * dashboard's choropleth), as plain objects (no ECharts import, tested without a canvas): the
 * border lines over the polygons, the sites as points with their kind's marker, tooltip text.
 */

export type Position = [number, number];

/** The GeoJSON to register as the map (polygons only) and the border lines (incl. the South China Sea line) to draw as lines. */
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

/** A tooltip of a few lines (empty ones left out), each escaped. */
export function tooltipLines(parts: Array<string | undefined>): string {
  return parts
    .filter(Boolean)
    .map((part) => escapeHtml(String(part)))
    .join('<br>');
}

/** The border lines as a `lines` series, drawn over the polygons. */
export function borderSeries(borderLines: Position[][]) {
  return {
    type: 'lines' as const,
    id: 'borders',
    coordinateSystem: 'geo' as const,
    polyline: true,
    silent: true,
    lineStyle: { color: '#4a5361', width: 1.2, opacity: 1 },
    data: borderLines.map((coords) => ({ coords })),
    z: 2,
  };
}

const MARKER_SYMBOLS = new Set(['circle', 'rect', 'roundRect', 'triangle', 'diamond', 'pin', 'arrow']);

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

/** Sites of one kind as a `scatter` series, drawn with the kind's marker (a circle for an unknown symbol). */
export function pointSeries(series: { id: string; name: string; marker: { symbol: string; color: string } | null | undefined; points: MapPoint[] }, symbolSize: number) {
  const { marker } = series;
  return {
    type: 'scatter' as const,
    id: series.id,
    name: series.name,
    coordinateSystem: 'geo' as const,
    symbol: marker && MARKER_SYMBOLS.has(marker.symbol) ? marker.symbol : 'circle',
    symbolSize,
    itemStyle: { color: marker?.color ?? '#0b57a4', borderColor: '#ffffff', borderWidth: 1.5 },
    data: series.points.map((point) => ({ id: point.id, name: point.name, value: [point.lng, point.lat] })),
    z: 3,
  };
}

/** What a map option starts with: described to screen readers (ECharts aria), no animation, a tooltip per item. */
export function mapOptionBase<P>(description: string, tooltip: (params: P) => string) {
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    tooltip: { trigger: 'item' as const, formatter: tooltip },
  };
}
