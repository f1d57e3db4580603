import { BarChart, LinesChart, MapChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BoundaryCollection } from '#/features/boundaries/api';

/**
 * The only coverage module that imports ECharts (per chart type: the county choropleth is a `map`
 * series, the points a `scatter` on a transparent `geo`, the trend a stacked `bar`). It is loaded
 * with the dashboard route, so people who never open the dashboard never download it. Tests
 * replace this module (no canvas in happy-dom) and look at the options the builders return.
 */
echarts.use([MapChart, ScatterChart, LinesChart, BarChart, GeoComponent, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

const registered = new Set<string>();

/** Registers boundary polygons under a name once (ECharts keeps maps globally). */
export function registerCoverageMap(name: string, polygons: BoundaryCollection): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, polygons as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}

export interface CoverageChart {
  update(option: Record<string, unknown>): void;
  resize(): void;
  dispose(): void;
}

export function createCoverageChart(element: HTMLElement, locale: 'ZH' | 'EN'): CoverageChart {
  const chart = echarts.init(element, undefined, { renderer: 'canvas', locale });
  return {
    update: (option) => chart.setOption(option as echarts.EChartsCoreOption, { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
