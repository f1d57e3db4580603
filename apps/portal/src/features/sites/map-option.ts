import type { Site } from '@sitenet/domain';
import { borderSeries, mapOptionBase, pointSeries, type Position, tooltipLines } from '#/features/boundaries/map-series';
import type { SiteKindDescription } from '#/features/kinds/types';

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
        points: input.sites.filter((site) => site.kind === code).map((site) => ({ id: site.id, name: site.name, lat: site.location.lat, lng: site.location.lng })),
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
      top: 16,
      bottom: 48,
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#6b7685', borderWidth: 0.8 },
      label: { show: false },
    },
    series: [borderSeries(input.borderLines), ...siteSeries],
  };
}
