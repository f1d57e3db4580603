import { mapOptionBase, type MapPoint, tooltipLines } from '#/features/boundaries/map-series';
import type { CountyArea } from './county-area';

/**
 * The ECharts option of the location picker's map (pure: plain objects, tested without a canvas):
 * the province's counties as a `geo` component framed on the chosen county (drawn stronger), its
 * townships' service points and its existing sites as two `scatter` series. The chosen point is
 * not part of the option: it is a draggable graphic the chart glue (picker-chart.ts) places.
 */

export interface PickerMapInput {
  mapName: string;
  area: Pick<CountyArea, 'code' | 'extent'>;
  servicePoints: MapPoint[];
  sites: MapPoint[];
  labels: { servicePoints: string; sites: string };
  /** The sentence that describes the map (also shown as text under it). */
  description: string;
}

/** The county's extent with a margin (a tenth of its size each side), so its border is not at the edge. */
export function framedExtent(extent: CountyArea['extent']): CountyArea['extent'] {
  const [[west, north], [east, south]] = extent;
  const dx = (east - west) / 10;
  const dy = (north - south) / 10;
  return [[west - dx, north + dy], [east + dx, south - dy]];
}

function points(id: string, name: string, list: MapPoint[], style: { symbol: string; size: number; color: string }) {
  return {
    type: 'scatter' as const,
    id,
    name,
    coordinateSystem: 'geo' as const,
    symbol: style.symbol,
    symbolSize: style.size,
    itemStyle: { color: style.color, borderColor: '#ffffff', borderWidth: 1.5 },
    data: list.map((point) => ({ id: point.id, name: point.name, value: [point.lng, point.lat] })),
    z: 3,
  };
}

export function buildPickerOption(input: PickerMapInput) {
  return {
    ...mapOptionBase(input.description, (params: { seriesName?: string; name?: string }) => tooltipLines([params.name, params.seriesName])),
    legend: { bottom: 0, data: [input.labels.servicePoints, input.labels.sites], textStyle: { color: '#1b1f24', fontSize: 14 } },
    geo: {
      map: input.mapName,
      nameProperty: 'code',
      roam: true,
      silent: true,
      boundingCoords: framedExtent(input.area.extent),
      top: 8,
      bottom: 40,
      scaleLimit: { min: 0.5, max: 60 },
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#6b7685', borderWidth: 0.8 },
      regions: [{ name: input.area.code, itemStyle: { areaColor: '#e8f0fa', borderColor: '#0b3d6e', borderWidth: 2.5 } }],
      label: { show: false },
    },
    series: [
      points('service-points', input.labels.servicePoints, input.servicePoints, { symbol: 'triangle', size: 12, color: '#1d5e2c' }),
      points('sites', input.labels.sites, input.sites, { symbol: 'circle', size: 9, color: '#0b57a4' }),
    ],
  };
}
