/**
 * ECharts options of the dashboard's charts, as plain objects (no ECharts import), so that they
 * are tested without a canvas. Every number drawn here is also in a table beside the chart.
 */
import { borderSeries, escapeHtml, mapOptionBase, type MapPoint, pointSeries, type Position, tooltipLines } from '#/features/boundaries/map-series';

export type { MapPoint } from '#/features/boundaries/map-series';

/** The colour bands of the choropleth. Zero is a different hue with a hatch, not a pale blue. */
export interface CountBand {
  key: 'none' | 'one' | 'few' | 'many';
  min: number;
  max: number;
  color: string;
  /** ECharts decal (pattern) drawn over the colour. */
  decal?: { symbol: string; color: string; dashArrayX: number[]; dashArrayY: number[]; rotation: number; symbolSize: number };
}

export const COUNT_BANDS: readonly CountBand[] = [
  {
    key: 'none',
    min: 0,
    max: 0,
    color: '#f7dcc0',
    decal: { symbol: 'rect', color: 'rgba(138, 75, 0, 0.55)', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, symbolSize: 1 },
  },
  { key: 'one', min: 1, max: 1, color: '#c6dbef' },
  { key: 'few', min: 2, max: 3, color: '#6baed6' },
  { key: 'many', min: 4, max: Number.POSITIVE_INFINITY, color: '#2171b5' },
];

export function bandOf(count: number): CountBand {
  return COUNT_BANDS.find((band) => count >= band.min && count <= band.max) ?? COUNT_BANDS[COUNT_BANDS.length - 1]!;
}

export interface ChoroplethUnit {
  code: string;
  name: string;
  count: number;
}

/** Points of one kind, drawn with the kind's marker. */
export interface PointSeries {
  id: string;
  name: string;
  marker: { symbol: string; color: string } | null;
  points: MapPoint[];
}

export interface ChoroplethInput {
  /** The name the boundaries were registered under; their features are joined on `code`. */
  mapName: string;
  units: ChoroplethUnit[];
  /** The sites on top, one series per kind. */
  pointSeries: PointSeries[];
  /** Border lines (e.g. the national border) to draw over the polygons. */
  borderLines: Position[][];
  /** The sentence that describes the map to screen readers (ECharts aria). */
  description: string;
  /** "南关区：2 个" for a unit's tooltip. */
  unitTooltip: (unit: ChoroplethUnit) => string;
}

/** The map and the points' geo share one box so that they line up. */
const BOX = { top: 12, bottom: 12, left: 12, right: 12 };

export function buildChoroplethOption(input: ChoroplethInput) {
  const byCode = new Map(input.units.map((unit) => [unit.code, unit]));
  return {
    ...mapOptionBase(input.description, (params: { seriesType?: string; name?: string; seriesName?: string }) => {
      if (params.seriesType === 'map') {
        const unit = params.name ? byCode.get(params.name) : undefined;
        return unit ? escapeHtml(input.unitTooltip(unit)) : '';
      }
      return tooltipLines([params.name, params.seriesName]);
    }),
    geo: {
      map: input.mapName,
      nameProperty: 'code',
      roam: false,
      silent: true,
      ...BOX,
      itemStyle: { areaColor: 'transparent', borderColor: 'transparent', borderWidth: 0 },
      emphasis: { disabled: true },
      label: { show: false },
    },
    series: [
      {
        type: 'map' as const,
        id: 'units',
        map: input.mapName,
        nameProperty: 'code',
        roam: false,
        selectedMode: false as const,
        ...BOX,
        label: { show: false },
        emphasis: { disabled: true },
        itemStyle: { areaColor: '#ffffff', borderColor: '#4a5361', borderWidth: 0.8 },
        data: input.units.map((unit) => {
          const band = bandOf(unit.count);
          return { name: unit.code, value: unit.count, itemStyle: { areaColor: band.color, ...(band.decal ? { decal: band.decal } : {}) } };
        }),
        z: 1,
      },
      borderSeries(input.borderLines),
      ...input.pointSeries.map((series) => pointSeries({ ...series, id: `sites-${series.id}` }, 12)),
    ],
  };
}

export interface TrendSeries {
  code: string;
  name: string;
  color: string;
  values: number[];
}

export interface TrendInput {
  /** Month labels in the UI language, oldest first. */
  months: string[];
  series: TrendSeries[];
  description: string;
}

export function buildTrendOption(input: TrendInput) {
  return {
    // Decals give each kind a pattern as well as a colour, so the stacks are told apart without colour.
    aria: { enabled: true, decal: { show: true }, label: { description: input.description } },
    animation: false,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { bottom: 0, textStyle: { color: '#1b1f24', fontSize: 13 }, data: input.series.map((series) => series.name) },
    grid: { left: 12, right: 16, top: 16, bottom: 64, containLabel: true },
    xAxis: { type: 'category' as const, data: input.months, axisLabel: { color: '#1b1f24' }, axisLine: { lineStyle: { color: '#4a5361' } } },
    yAxis: { type: 'value' as const, minInterval: 1, axisLabel: { color: '#1b1f24' }, splitLine: { lineStyle: { color: '#c9d3df' } } },
    series: input.series.map((series) => ({
      type: 'bar' as const,
      id: `kind-${series.code}`,
      name: series.name,
      stack: 'approved',
      itemStyle: { color: series.color },
      data: series.values,
    })),
  };
}
