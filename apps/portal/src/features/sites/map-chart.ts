import { LinesChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BoundaryCollection } from '#/features/boundaries/api';

/**
 * The only module that imports ECharts (per chart type, so the bundle carries what the map
 * uses); loaded with the map route. Boundaries come from our API, never from tile servers.
 */
echarts.use([GeoComponent, ScatterChart, LinesChart, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

const registered = new Set<string>();

/** Registers boundary polygons under a name once (ECharts keeps maps globally). */
export function registerBoundaries(name: string, polygons: BoundaryCollection): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, polygons as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}

export interface MapChart {
  update(option: echarts.EChartsCoreOption): void;
  resize(): void;
  dispose(): void;
}

export function createMapChart(element: HTMLElement, locale: 'ZH' | 'EN'): MapChart {
  const chart = echarts.init(element, undefined, { renderer: 'canvas', locale });
  return {
    update: (option) => chart.setOption(option, { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
